import { discardedCard } from '@/capture/cards/discarded-card';
import { helpCard } from '@/capture/cards/help-card';
import { pendingCard } from '@/capture/cards/pending-card';
import { proposedActionsCards, type ProposalCardModel } from '@/capture/cards/proposed-actions-card';
import { savedSummaryCard } from '@/capture/cards/saved-summary-card';
import { captureActions } from '@/capture/capture-actions';
import { pupilChoices, toProposalRows } from '@/capture/propose';
import { reminderCard } from '@/reminders/reminder-card';
import { errorCard } from '@/teams/error-card';
import { DEMO_STAFF } from '@/app/demo/school';
import { CORPUS_NOW, CORPUS_PUPILS, corpusContext } from '@tests/capture/corpus/corpus-school';
import { CORPUS } from '@tests/capture/corpus/meeting-lines';
import { buildAction, teacher } from '@tests/support/factories';
import { cardProblems, toggleTargetsMissing } from '@tests/support/validate-card';

const TRACKER = 'https://send.example/tab/';

/** The proposal card(s) the bot would post for one corpus message, in a meeting chat or a personal chat. */
function proposalFor(text: string, scope: ProposalCardModel['peopleScope']) {
  const ctx = corpusContext(text);
  const { actions, eventType } = captureActions(
    { pupils: CORPUS_PUPILS, roles: ctx.roles },
    {
      text,
      mentions: ctx.mentions,
      unresolvedMentions: [],
      now: CORPUS_NOW,
      staff: ctx.staff ?? [],
    },
  );
  return proposedActionsCards({
    messageId: '1745400000001',
    conversationId: '19:meeting_NzY2ZmE1YjQtZDY0OC00@thread.v2',
    eventType,
    rows: toProposalRows(actions),
    pupils: pupilChoices(CORPUS_PUPILS, actions),
    peopleScope: scope,
    sender: { id: DEMO_STAFF.senco.id, name: DEMO_STAFF.senco.name },
    problems: ['Tick "Include" on at least one action, or use Save all.'],
  });
}

/** Every kind of card the bot sends, drawn from real inputs: the corpus, saved actions, reminders. */
function everyCard(): [string, unknown][] {
  const withActions = CORPUS.filter((m) => m.expect.length > 0);
  const saved = [buildAction({ description: 'Phone mum *today* about [the plan](https://x.example)' }), buildAction()];
  const owner = { id: teacher.id, name: teacher.name };
  const due = buildAction({ dueDate: '2026-04-21' });
  const closed = buildAction({ dueDate: '2026-04-10' }, { status: 'done', closingNote: 'Done in the meeting' });
  return [
    ...withActions.flatMap((m, i) =>
      proposalFor(m.text, i % 2 === 0 ? 'conversation' : 'organisation').map((card, k): [string, unknown] => [`proposal ${i}.${k}`, card]),
    ),
    ['help', helpCard({ trackerUrl: TRACKER, reason: 'help' })],
    ['welcome', helpCard({ trackerUrl: TRACKER, reason: 'welcome' })],
    ['nothing found', helpCard({ trackerUrl: TRACKER, reason: 'nothing-found' })],
    ['saved summary', savedSummaryCard(saved, DEMO_STAFF.senco, TRACKER)],
    ['discarded', discardedCard(3, DEMO_STAFF.senco)],
    ['pending', pendingCard('SharePoint did not answer; the save is queued.', 2)],
    ['error', errorCard('That button is not one SEND Tracker knows.')],
    ['reminder', reminderCard({ owner, audience: 'owner', items: [{ action: due, kind: 'due' }], today: '2026-04-21' })],
    [
      'reminder (new since the last card first, a parent’s item to chase)',
      reminderCard({
        owner,
        audience: 'owner',
        items: [
          { action: buildAction({ outsideOwner: 'parent' }), kind: 'due', isNew: true },
          { action: due, kind: 'due', isNew: false },
        ],
        today: '2026-04-21',
      }),
    ],
    ['reminder (lead, closed item)', reminderCard({ owner, audience: 'lead', items: [{ action: closed }], today: '2026-04-21' })],
    ['reminder (all done)', reminderCard({ owner, audience: 'owner', items: [], today: '2026-04-21' })],
    [
      'reminder (refused)',
      reminderCard({
        owner,
        audience: 'owner',
        items: [],
        today: '2026-04-21',
        refused: true,
        notice: { text: 'Not yours', tone: 'warning' },
      }),
    ],
  ];
}

/** Drawn once for both suites below. */
const cards = everyCard();

describe('every card the bot can send', () => {
  it('covers the proposal for every corpus message that holds actions, and every other kind of card', () => {
    expect(cards.length).toBeGreaterThan(CORPUS.filter((m) => m.expect.length > 0).length + 10);
  });

  it.each(cards)('%s: the official adaptivecards renderer reads it as a 1.5 card with no problem', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(cards)('%s: is version 1.5, leaves no template binding unfilled and toggles only elements that exist', (_name, card) => {
    expect((card as { version: string }).version).toBe('1.5');
    expect(JSON.stringify(card)).not.toMatch(/\$\{|"\$data"|"\$when"/);
    expect(toggleTargetsMissing(card)).toEqual([]);
  });

  it('finds what the issue measured before: a required input without errorMessage, and an empty choice list', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'd0', label: 'What', isRequired: true },
        { type: 'Input.ChoiceSet', id: 'o0', label: 'Owner', choices: [] },
      ],
    };
    expect(cardProblems(broken)).toEqual([
      'validate RequiredInputsShouldHaveErrorMessage: Required inputs should have an error message',
      'validate CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.',
    ]);
  });
});

describe('every button on every card', () => {
  /** Each Action.Execute a person can press, with the element that holds it (the refresh is not a button). */
  function buttons(card: any): { holder: string; action: any }[] {
    const found: { holder: string; action: any }[] = [];
    const walk = (node: any, holder: string) => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, holder));
      if (!node || typeof node !== 'object') return;
      if (node.type === 'Action.Execute') found.push({ holder, action: node });
      for (const [key, value] of Object.entries(node))
        if (key !== 'refresh' && key !== 'fallback') walk(value, key === 'actions' ? node.type : holder);
    };
    walk(card, 'card');
    return found;
  }

  it.each(cards)('%s: sits in an ActionSet and falls back to an Action.Submit carrying its verb', (_name, card) => {
    for (const { holder, action } of buttons(card)) {
      expect(holder).toBe('ActionSet');
      expect(action.fallback).toMatchObject({ type: 'Action.Submit', title: action.title, data: { ...action.data, verb: action.verb } });
    }
  });
});
