import { escapeMarkdown } from '@/teams/markdown';
import { proposedActionsCard, proposedActionsCards, type ProposalRow } from '@/capture/cards/proposed-actions-card';
import { rowInputIds } from '@/capture/cards/capture-verbs';
import { savedSummaryCard } from '@/capture/cards/saved-summary-card';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';
import type { Action } from '@/kernel/action';

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
const LIMIT = 28 * 1024;

const row = (i: number): ProposalRow => ({
  description: `Phone the parent of pupil ${i} to agree the reading plan and share the new timetable with the class team`,
  owner: { id: DEMO_STAFF.year4Teacher.id, name: DEMO_STAFF.year4Teacher.name },
  role: i % 3 === 0 ? 'class teacher' : null,
  due: '2026-05-01',
  pupilId: DEMO_PUPILS[i % DEMO_PUPILS.length]!.id,
  itemType: 'parent_follow_up',
  include: true,
  warnings: i % 2 === 0 ? ['No pupil', "Owner 'class teacher' is a role: choose the person"] : [],
});

function savedAction(i: number): Action {
  return {
    id: `a-${i}`,
    pupil: DEMO_PUPILS[0]!,
    itemType: 'intervention',
    description: `Start the *phonics* [catch-up](http://x) group <b>${i}</b> and review after six weeks with the class teacher`,
    owner: DEMO_STAFF.year4Teacher,
    dueDate: '2026-05-01',
    status: 'open',
    evidenceUrl: null,
    nextReviewDate: null,
    source: { eventType: 'sen_support_meeting' },
    version: 1,
    lastNote: null,
    createdBy: DEMO_STAFF.senco,
    createdAt: '2026-04-23T09:00:00Z',
    updatedBy: DEMO_STAFF.senco,
    updatedAt: '2026-04-23T09:00:00Z',
    closedAt: null,
    closingNote: null,
  };
}

describe('cards', () => {
  it('puts 20 actions on cards that are each under 28 KB, every row exactly once', () => {
    const cards = proposedActionsCards({
      messageId: '1745400000001',
      conversationId: '19:meeting_NzY2ZmE1YjQtZDY0OC00@thread.v2',
      eventType: 'sen_support_meeting',
      rows: Array.from({ length: 20 }, (_, i) => row(i)),
      pupils: DEMO_PUPILS,
    });
    for (const card of cards) expect(bytes(card)).toBeLessThan(LIMIT);
    const text = cards.map((c) => JSON.stringify(c)).join('');
    for (let i = 0; i < 20; i++) expect(text.split(`"id":"${rowInputIds(i).description}"`)).toHaveLength(2);
    expect(text).not.toContain(`"id":"${rowInputIds(20).description}"`);
    // Buttons on the second card save rows from where the first card stopped.
    const firsts = cards.map((c: any) => c.actions[0].data.first);
    expect(firsts[0]).toBe(0);
    if (cards.length > 1) expect(firsts[1]).toBe((cards[0] as any).actions[0].data.count);
  });

  it('fits a typical meeting (8 actions) on one card', () => {
    const cards = proposedActionsCards({
      messageId: 'm',
      conversationId: 'c',
      eventType: 'sen_support_meeting',
      rows: Array.from({ length: 8 }, (_, i) => row(i)),
      pupils: DEMO_PUPILS,
    });
    expect(cards).toHaveLength(1);
  });

  it('keeps a saved summary of 20 actions under 28 KB', () => {
    expect(
      bytes(
        savedSummaryCard(
          Array.from({ length: 20 }, (_, i) => savedAction(i)),
          DEMO_STAFF.senco,
          'http://localhost:3978/tab/',
        ),
      ),
    ).toBeLessThan(LIMIT);
  });

  it('uses Adaptive Card 1.5 with Action.Execute buttons that fall back to Action.Submit', () => {
    const card = proposedActionsCard({
      messageId: 'm',
      conversationId: 'c',
      eventType: 'sen_support_meeting',
      rows: [row(1)],
      pupils: DEMO_PUPILS,
    }) as any;
    expect(card.version).toBe('1.5');
    expect(card.actions.map((a: any) => [a.type, a.fallback.type])).toEqual([
      ['Action.Execute', 'Action.Submit'],
      ['Action.Execute', 'Action.Submit'],
      ['Action.Execute', 'Action.Submit'],
    ]);
    expect(JSON.stringify(card)).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}');
  });

  it('shows markdown and HTML in action text as typed, not formatted', () => {
    expect(escapeMarkdown('*urgent* [link](http://x) <b>bold</b> 1. _x_')).toBe(
      '\\*urgent\\* \\[link\\]\\(http://x\\) \\<b\\>bold\\</b\\> 1\\. \\_x\\_',
    );
    const text = JSON.stringify(savedSummaryCard([savedAction(1)], DEMO_STAFF.senco, 'http://localhost/tab/'));
    expect(text).not.toContain('*phonics*');
    expect(text).not.toContain('<b>');
  });
});
