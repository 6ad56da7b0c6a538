import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCardAction } from '@bot/run-card-action';
import { CAPTURE_VERBS, rowInputIds } from '@/capture/cards/capture-verbs';
import { DEMO_PUPILS } from '@/app/demo/school';
import { createLogger } from '@/platform/logger';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { ACTIONS_LIST } from '@/storage/sharepoint/list-schema';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { sencoActor, teacher } from '@tests/support/factories';

describe('saving from the card while SharePoint is unreachable', () => {
  let site: ProvisionedSite;
  let dir: string;
  beforeEach(async () => {
    site = await startProvisionedSite();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-pending-'));
  });
  afterEach(async () => {
    await site.standIn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tells the clicker the actions are waiting, and the replay saves them once even after a second click', async () => {
    const db = openDatabase(path.join(dir, 'send-tracker.db'));
    const repo = new OutboxActionRepository(site.repository(), new SqliteOutboxStore(db));
    await repo.query();
    const deps = {
      repo,
      conversations: new SqliteConversationReferenceStore(db),
      school: { pupils: DEMO_PUPILS, roles: {} },
      knownPeople: [teacher],
      trackerUrl: 'http://127.0.0.1/tab/',
      logger: createLogger('silent'),
      now: () => new Date('2026-04-23T09:00:00Z'),
    };
    const ids = rowInputIds(0);
    const value = {
      action: {
        type: 'Action.Execute',
        verb: CAPTURE_VERBS.saveAll,
        data: {
          messageId: '1745400000001',
          conversationId: '19:meeting_x@thread.v2',
          count: 1,
          [ids.description]: "Phone J.B.'s parent",
          [ids.owner]: teacher.id,
          [ids.due]: '2026-04-24',
          [ids.pupil]: DEMO_PUPILS[0]!.id,
          [ids.itemType]: 'parent_follow_up',
        },
      },
    };
    const click = () => runCardAction(deps, { value, actor: sencoActor, findPerson: async (id) => (id === teacher.id ? teacher : null) });

    site.standIn.inject({ kind: 'unavailable', operation: '$batch', count: 8, retryAfterSeconds: 0 });
    const first = await click();
    expect(first.outcome).toBe('pending');
    expect(JSON.stringify(first.card)).toContain('waiting to reach SharePoint');
    const second = await click();
    expect(second.outcome).toBe('pending');

    await repo.replay();
    const items = [...site.standIn.store.findList(ACTIONS_LIST.displayName)!.items.values()];
    expect(items).toHaveLength(1);
    expect((await click()).outcome).toBe('saved');
    expect([...site.standIn.store.findList(ACTIONS_LIST.displayName)!.items.values()]).toHaveLength(1);
  });
});
