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

const sender = { id: DEMO_STAFF.senco.id, name: DEMO_STAFF.senco.name };
const model = {
  messageId: 'm',
  conversationId: 'c',
  eventType: 'sen_support_meeting' as const,
  pupils: DEMO_PUPILS,
  peopleScope: 'conversation' as const,
  sender,
};

describe('cards', () => {
  it('puts 20 actions on cards that are each under 28 KB, every row exactly once', () => {
    const cards = proposedActionsCards({
      messageId: '1745400000001',
      conversationId: '19:meeting_NzY2ZmE1YjQtZDY0OC00@thread.v2',
      eventType: 'sen_support_meeting',
      rows: Array.from({ length: 20 }, (_, i) => row(i)),
      pupils: DEMO_PUPILS,
      peopleScope: 'conversation',
      sender,
    });
    for (const card of cards) expect(bytes(card)).toBeLessThan(LIMIT);
    const text = cards.map((c) => JSON.stringify(c)).join('');
    for (let i = 0; i < 20; i++) expect(text.split(`"id":"${rowInputIds(i).description}"`)).toHaveLength(2);
    expect(text).not.toContain(`"id":"${rowInputIds(20).description}"`);
    // Buttons on the second card save rows from where the first card stopped.
    const saveAll = (c: any) => c.body.at(-1).actions[0].data;
    const firsts = cards.map((c) => saveAll(c).first);
    expect(firsts[0]).toBe(0);
    if (cards.length > 1) expect(firsts[1]).toBe(saveAll(cards[0]).count);
  });

  it('fits a typical meeting (8 actions) on one card', () => {
    const cards = proposedActionsCards({
      messageId: 'm',
      conversationId: 'c',
      eventType: 'sen_support_meeting',
      rows: Array.from({ length: 8 }, (_, i) => row(i)),
      pupils: DEMO_PUPILS,
      peopleScope: 'conversation',
      sender,
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

  it('uses Adaptive Card 1.5 with Action.Execute buttons in an ActionSet, each falling back to Action.Submit', () => {
    const card = proposedActionsCard({ ...model, rows: [row(1)] }) as any;
    expect(card.version).toBe('1.5');
    const buttons = card.body.at(-1);
    expect(buttons.type).toBe('ActionSet');
    expect(buttons.actions.map((a: any) => [a.title, a.type, a.fallback.type, a.fallback.data.verb])).toEqual([
      ['Save all', 'Action.Execute', 'Action.Submit', 'capture.saveAll'],
      ['Save selected', 'Action.Execute', 'Action.Submit', 'capture.saveSelected'],
      ['Discard', 'Action.Execute', 'Action.Submit', 'capture.discard'],
    ]);
  });

  it("searches the conversation's members for owners in shared chats, the organisation only in a personal chat", () => {
    const shared = JSON.stringify(proposedActionsCard({ ...model, rows: [row(1)] }));
    expect(shared).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users?scope=currentContext"}');
    const personal = JSON.stringify(proposedActionsCard({ ...model, rows: [row(1)], peopleScope: 'organisation' }));
    expect(personal).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}');
  });

  it('shows each action as one summary line; the inputs open by themselves only where something needs fixing', () => {
    const card = proposedActionsCard({ ...model, rows: [row(1), row(2)] }) as any;
    const [ready, needsWork] = card.body.filter((e: any) => e.type === 'Container');
    const details = (c: any) => c.items.find((e: any) => e.type === 'Container');
    expect(details(ready).isVisible).toBe(false);
    expect(details(needsWork).isVisible).toBe(true);
    // The warnings sit beside their own row, not at the top of the card.
    expect(JSON.stringify(needsWork)).toContain('⚠ No pupil');
    expect(JSON.stringify(ready)).not.toContain('⚠');
    const facts = ready.items[0].columns[0].items[1].inlines[0].text;
    expect(facts).toBe(`Tom Reed · due Fri 1 May 2026 · ${DEMO_PUPILS[1]!.name} (Year 2) · Parent follow-up`);
  });

  it('marks a guessed type, offers both pupils when two fit, and never shows an internal id', () => {
    const [lw1, lw2] = [
      { id: 'p-0011', name: 'L.W.', yearGroup: 1 },
      { id: 'p-0012', name: 'L.W.', yearGroup: 2 },
    ];
    const card = proposedActionsCard({
      ...model,
      pupils: [lw1, lw2],
      rows: [{ ...row(1), pupilId: null, pupilChoiceIds: [lw1.id, lw2.id], itemTypeGuessed: true }],
    });
    const shown: string[] = [];
    JSON.stringify(card, (key, value) => {
      if (key === 'text' || key === 'title' || key === 'label') shown.push(String(value));
      return value;
    });
    expect(shown).toContain('Type (a guess: check it)');
    expect(shown).toEqual(expect.arrayContaining(['L.W. (Year 1)', 'L.W. (Year 2)']));
    expect(shown.join(' ')).toContain('L.W. (Year 1) or L.W. (Year 2)?');
    expect(shown.join(' ')).not.toMatch(/p-00\d\d/);
  });

  it('shows markdown and HTML in action text as typed: as TextRuns, which no host reads as Markdown', () => {
    const card = savedSummaryCard([savedAction(1)], DEMO_STAFF.senco, 'http://localhost/tab/');
    const runs: string[] = [];
    const blocks: string[] = [];
    JSON.stringify(card, (_key, value) => {
      if (value?.type === 'TextRun') runs.push(value.text);
      if (value?.type === 'TextBlock') blocks.push(value.text);
      return value;
    });
    expect(runs).toContain(savedAction(1).description);
    expect(runs.join(' ')).toContain('J.B. (Year 4)');
    expect(blocks.join(' ')).not.toContain('phonics');
    expect(JSON.stringify(card)).not.toContain('\\\\');
  });
});
