import { createGraphClient, graphRoot } from '@/storage/sharepoint/graph-client';
import {
  ACTIONS_LIST,
  ALL_LISTS,
  CONVERSATIONS_LIST,
  DIGEST_SENDS_LIST,
  EHC_PLAN_VERSIONS_LIST,
  EHC_PLANS_LIST,
  HISTORY_LIST,
  INTERVENTIONS_LIST,
  PASSPORTS_LIST,
  PUPIL_RECORDS_LIBRARY,
  PASSPORT_VERSIONS_LIST,
  REGISTER_PUPILS_LIST,
  REGISTER_SNAPSHOTS_LIST,
  REGISTER_IMPORTS_LIST,
  REGISTER_SETTINGS_LIST,
  REMINDER_CLAIMS_LIST,
  REMINDER_RUNS_LIST,
  ROLE_HISTORY_LIST,
  ROLES_LIST,
} from '@/storage/sharepoint/list-schema';
import { StaticTokenProvider } from '@/storage/sharepoint/msal-auth-provider';
import { provisionLists, provisioningAdvice } from '@/storage/sharepoint/provision';
import { startGraphStandIn, type GraphStandIn } from '@tests/graph-stand-in/graph-stand-in';
import { COLUMNS_PAGE_SIZE } from '@tests/graph-stand-in/list-routes';

describe('provisioning the SharePoint lists', () => {
  let standIn: GraphStandIn;
  let provision: () => ReturnType<typeof provisionLists>;

  beforeEach(async () => {
    standIn = await startGraphStandIn();
    const client = createGraphClient({
      authProvider: new StaticTokenProvider(standIn.token),
      baseUrl: standIn.baseUrl,
      retryDelaySeconds: 0,
    });
    provision = () => provisionLists(client, standIn.siteId, graphRoot(standIn.baseUrl));
  });
  afterEach(() => standIn.close());

  const column = (list: string, name: string) => standIn.store.findList(list)?.columns.find((c) => c.name === name);
  const writes = () => Object.entries(standIn.requestCounts()).filter(([op]) => !op.startsWith('get') && !op.startsWith('list'));

  it('creates every list with every column, indexing each one the app filters or sorts on', async () => {
    const report = await provision();

    expect(report.created).toContain('list SEND Actions');
    expect(report.created).toContain('list SEND Action History');
    expect(report.created).toHaveLength(ALL_LISTS.reduce((n, list) => n + 1 + list.columns.length, 0));
    for (const name of ['Status', 'DueDate', 'OwnerId', 'PupilId', 'ItemType', 'IdempotencyKey', 'ActionId']) {
      expect(column(ACTIONS_LIST.displayName, name)?.indexed).toBe(true);
    }
    expect(column(HISTORY_LIST.displayName, 'ActionId')?.indexed).toBe(true);
    // Plain text, whatever the tenant's default: rich text would wrap the stored JSON in HTML.
    expect(column(ACTIONS_LIST.displayName, 'Data')?.definition).toMatchObject({ text: { allowMultipleLines: true, textType: 'plain' } });
  });

  it('finds its columns on every page of the column listing, as Graph pages any collection', async () => {
    await provision();
    standIn.resetCounts();
    expect(ACTIONS_LIST.columns.length).toBeGreaterThan(COLUMNS_PAGE_SIZE); // the listing takes two pages

    expect(await provision()).toEqual({ created: [], indexed: [], madePlain: [] });
    expect(standIn.requestCounts()['list columns']).toBeGreaterThan(ALL_LISTS.length);
  });

  it('sets a JSON column made with the tenant’s rich-text default to plain text, and only that', async () => {
    await provision();
    const data = column(ACTIONS_LIST.displayName, 'Data')!;
    data.definition.text = { allowMultipleLines: true, textType: 'richText' };
    standIn.resetCounts();

    expect(await provision()).toEqual({ created: [], indexed: [], madePlain: ['column SEND Actions/Data'] });
    expect(data.definition).toMatchObject({ text: { allowMultipleLines: true, textType: 'plain' } });
    expect(standIn.requestCounts()['update column']).toBe(1);
  });

  it('tells the admin to grant the manage role when Graph refuses provisioning with 403', async () => {
    standIn.inject({ kind: 'forbidden', operation: 'create list' });
    const failure = await provision().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(provisioningAdvice(failure)).toMatch(
      /refused access to the SEND site \(403\)[\s\S]*"roles": \["manage"\][\s\S]*needs only write/,
    );
    expect(provisioningAdvice(new Error('socket hang up'))).toBe('Provisioning failed: socket hang up');
  });

  it('changes nothing when run a second time: no POST or PATCH at all', async () => {
    await provision();
    standIn.resetCounts();

    const report = await provision();

    expect(report).toEqual({ created: [], indexed: [], madePlain: [] });
    expect(writes()).toEqual([]);
    expect(standIn.log.every((r) => r.method === 'GET')).toBe(true);
  });

  it('adds back a column someone deleted, and only that column', async () => {
    await provision();
    standIn.store.removeColumn(ACTIONS_LIST.displayName, 'PupilId');
    standIn.resetCounts();

    const report = await provision();

    expect(report.created).toEqual(['column SEND Actions/PupilId']);
    expect(column(ACTIONS_LIST.displayName, 'PupilId')?.indexed).toBe(true);
    expect(standIn.requestCounts()['create column']).toBe(1);
  });

  it('re-indexes a filtered column whose index was removed', async () => {
    await provision();
    column(ACTIONS_LIST.displayName, 'DueDate')!.indexed = false;

    const report = await provision();

    expect(report).toEqual({ created: [], indexed: ['column SEND Actions/DueDate'], madePlain: [] });
    expect(column(ACTIONS_LIST.displayName, 'DueDate')?.indexed).toBe(true);
  });

  it('creates the task lists with unique, indexed claim keys, so a duplicate claim is refused by SharePoint', async () => {
    await provision();

    for (const [list, key] of [
      [REMINDER_CLAIMS_LIST, 'ClaimKey'],
      [DIGEST_SENDS_LIST, 'DigestKey'],
      [CONVERSATIONS_LIST, 'ConversationKey'],
    ] as const) {
      expect(column(list.displayName, key)).toMatchObject({ indexed: true, enforceUniqueValues: true });
    }
    expect(column(REMINDER_CLAIMS_LIST.displayName, 'ActionId')).toMatchObject({ indexed: true, enforceUniqueValues: false });
    expect(column(ACTIONS_LIST.displayName, 'ReminderClaim')).toMatchObject({ indexed: false });
  });

  it('makes a claim key unique again if someone turned uniqueness off, in one PATCH with its index', async () => {
    await provision();
    column(REMINDER_CLAIMS_LIST.displayName, 'ClaimKey')!.enforceUniqueValues = false;
    standIn.resetCounts();

    const report = await provision();

    expect(report).toEqual({ created: [], indexed: ['column SEND Reminder Claims/ClaimKey'], madePlain: [] });
    expect(standIn.requestCounts()['update column']).toBe(1);
    expect(column(REMINDER_CLAIMS_LIST.displayName, 'ClaimKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
  });

  it('makes IdempotencyKey unique on an actions list provisioned when it was only indexed, keeping its items, then changes nothing', async () => {
    await provision();
    column(ACTIONS_LIST.displayName, 'IdempotencyKey')!.enforceUniqueValues = false;
    const actions = standIn.store.findList(ACTIONS_LIST.displayName)!;
    // Saved before: two keyed actions and two without a key (blank values never clash).
    for (const key of ['digest-a', 'digest-b', undefined, undefined]) standIn.store.addItem(actions, key ? { IdempotencyKey: key } : {});
    standIn.resetCounts();

    const report = await provision();

    expect(report).toEqual({ created: [], indexed: ['column SEND Actions/IdempotencyKey'], madePlain: [] });
    expect(standIn.requestCounts()['update column']).toBe(1);
    expect(column(ACTIONS_LIST.displayName, 'IdempotencyKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(actions.items.size).toBe(4);
    standIn.resetCounts();
    expect(await provision()).toEqual({ created: [], indexed: [], madePlain: [] });
    expect(writes()).toEqual([]);
  });

  it('keeps every list and column the schema names after provisioning', async () => {
    await provision();
    for (const list of ALL_LISTS) {
      expect(standIn.store.findList(list.displayName)!.columns.map((c) => c.name)).toEqual(
        expect.arrayContaining(list.columns.map((c) => c.name)),
      );
    }
  });

  it('creates the register, intervention, passport and role lists with unique keys and indexed filter columns', async () => {
    await provision();

    for (const [list, key] of [
      [REGISTER_PUPILS_LIST, 'Upn'],
      [REGISTER_SNAPSHOTS_LIST, 'Term'],
      [REGISTER_IMPORTS_LIST, 'ImportId'],
      [INTERVENTIONS_LIST, 'InterventionId'],
      [EHC_PLANS_LIST, 'PupilId'],
      [EHC_PLAN_VERSIONS_LIST, 'VersionKey'],
      [PASSPORTS_LIST, 'PupilId'],
      [ROLES_LIST, 'Role'],
    ] as const) {
      expect(column(list.displayName, key)).toMatchObject({ indexed: true, enforceUniqueValues: true });
    }
    expect(column(REGISTER_PUPILS_LIST.displayName, 'PupilId')).toMatchObject({ indexed: true });
    expect(column(REGISTER_PUPILS_LIST.displayName, 'OnRoll')).toMatchObject({ indexed: true });
    expect(column(REGISTER_PUPILS_LIST.displayName, 'ImportId')).toMatchObject({ indexed: true });
    expect(column(REGISTER_IMPORTS_LIST.displayName, 'At')).toMatchObject({ indexed: true });
    expect(column(REGISTER_SETTINGS_LIST.displayName, 'At')).toMatchObject({ indexed: true });
    expect(column(INTERVENTIONS_LIST.displayName, 'PupilId')).toMatchObject({ indexed: true });
    expect(column(INTERVENTIONS_LIST.displayName, 'IdempotencyKey')).toMatchObject({ indexed: true });
    expect(column(ROLE_HISTORY_LIST.displayName, 'Role')).toMatchObject({ indexed: true });
    expect(column(REMINDER_RUNS_LIST.displayName, 'Day')).toMatchObject({ indexed: true });
    expect(column(EHC_PLAN_VERSIONS_LIST.displayName, 'PupilId')).toMatchObject({ indexed: true });
    // The pupil records library is a document library (it holds files, reached as a drive), its query columns indexed.
    expect(standIn.store.findList(PUPIL_RECORDS_LIBRARY.displayName)!.template).toBe('documentLibrary');
    for (const name of ['PupilId', 'DocumentStatus', 'ReviewDate'])
      expect(column(PUPIL_RECORDS_LIBRARY.displayName, name)).toMatchObject({ indexed: true });
  });

  it('adds only the new lists to a site provisioned before they existed, and nothing on the run after', async () => {
    const client = createGraphClient({
      authProvider: new StaticTokenProvider(standIn.token),
      baseUrl: standIn.baseUrl,
      retryDelaySeconds: 0,
    });
    const older = [ACTIONS_LIST, HISTORY_LIST, REMINDER_CLAIMS_LIST, DIGEST_SENDS_LIST, CONVERSATIONS_LIST];
    await provisionLists(client, standIn.siteId, graphRoot(standIn.baseUrl), older);

    const report = await provision();
    expect(report.created.filter((c) => c.startsWith('list '))).toEqual(
      [
        REGISTER_PUPILS_LIST,
        REGISTER_SNAPSHOTS_LIST,
        REGISTER_IMPORTS_LIST,
        REGISTER_SETTINGS_LIST,
        INTERVENTIONS_LIST,
        PASSPORTS_LIST,
        ROLES_LIST,
        ROLE_HISTORY_LIST,
        PASSPORT_VERSIONS_LIST,
        REMINDER_RUNS_LIST,
        EHC_PLANS_LIST,
        EHC_PLAN_VERSIONS_LIST,
        PUPIL_RECORDS_LIBRARY,
      ].map((l) => `list ${l.displayName}`),
    );
    expect(report.created.every((c) => !older.some((l) => c.includes(` ${l.displayName}`)))).toBe(true);

    standIn.resetCounts();
    expect(await provision()).toEqual({ created: [], indexed: [], madePlain: [] });
    expect(writes()).toEqual([]);
  });
});
