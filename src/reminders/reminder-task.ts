import type { PresentReminder, ReminderView } from './reminder-view';
import type { Action, Person } from '@/kernel/action';
import { addDays, londonDate, type IsoDate } from '@/kernel/dates';
import { reminderDay, remindersDue, type DueReminder, type ReminderPolicy } from './reminder-policy';
import type { SchoolCalendar } from '@/kernel/school-calendar';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { readTokenOf } from '@/kernel/ports/read-tokens';
import type { ReminderClaim, ReminderLog } from '@/kernel/ports/reminder-log';
import type { ChatOutcome, ReminderSender, UnreachableReason } from '@/kernel/ports/reminder-sender';
import { WHY_UNREACHED } from './why-unreached';
import type { ReminderRunLog, ReminderRunReport, ReminderRunSummary, UnreachedOwner } from '@/kernel/ports/reminder-run-log';

export interface ReminderTaskDeps {
  repo: ActionRepository;
  log: ReminderLog;
  /** Where each run's report is kept for the SEND team's Reminders panel. */
  runs: ReminderRunLog;
  sender: ReminderSender;
  present: PresentReminder;
  policy: ReminderPolicy;
  calendar: SchoolCalendar;
  /** Told about escalations and about owners the bot cannot reach. */
  sendLead: Pick<Person, 'id' | 'name'>;
  logger: Logger;
}

export type { ReminderRunSummary } from '@/kernel/ports/reminder-run-log';

/** Far enough ahead for an item due after the summer holiday to get its "before" reminder in July. */
export const REMINDER_LOOKAHEAD_DAYS = 120;

const claimOf = (r: DueReminder): ReminderClaim => {
  const readToken = readTokenOf(r.action);
  return { actionId: r.action.id, version: r.action.version, kind: r.kind, occasion: r.occasion, ...(readToken ? { readToken } : {}) };
};
const keyOf = (c: ReminderClaim) => `${c.actionId}|${c.kind}|${c.occasion}`;

/**
 * Outcomes are written in whole groups of this many as the run goes: Graph's `$batch` limit, so the
 * SharePoint log sends each group as full batches and recording as we go costs no more requests than
 * recording at the end. (The SQLite log writes each outcome at once and does not care.)
 */
export const OUTCOME_WRITES_PER_GROUP = 20;

/**
 * Sends each owner one card listing everything due for them today, tells the SEND lead about
 * escalations and unreachable owners, and does nothing on non-school days. Idempotent and safe on
 * several instances at once: every reminder is claimed (compare-and-set) before it is sent.
 */
export class ReminderTask {
  constructor(private readonly deps: ReminderTaskDeps) {}

  /** Runs on school dates from `since` on, newest first (at most `limit`), as the Reminders panel lists them. */
  recentRuns(since: IsoDate, limit: number): Promise<ReminderRunReport[]> {
    return this.deps.runs.recent(since, limit);
  }

  /** Whether this server can install the app for an owner with no personal chat. */
  get canInstall(): boolean {
    return this.deps.sender.canInstall;
  }

  /**
   * Makes sure the bot can message someone directly, installing the app for them where allowed (the
   * Reminders panel's button). Sends nothing: their next reminder goes to that chat.
   */
  openChat(personId: string): Promise<ChatOutcome> {
    return this.deps.sender.openChat(personId);
  }

  /** Which of these people the bot can message directly now (for owners an earlier run could not reach). */
  withChats(personIds: readonly string[]): Promise<Set<string>> {
    return this.deps.sender.withChats(personIds);
  }

  async run(now: Date): Promise<ReminderRunSummary> {
    const today = londonDate(now);
    const summary: ReminderRunSummary = {
      today,
      schoolDay: false,
      cardsSent: 0,
      itemsReminded: 0,
      fallbacks: 0,
      installed: 0,
      leadOnly: 0,
      escalations: 0,
      undelivered: 0,
      failed: 0,
      unreached: [],
    };
    const day = reminderDay(today, this.deps.calendar);
    if (day === null) return this.report(summary, now);
    // In a school holiday the run still goes, for statutory steps only (remindersDue leaves the rest).
    summary.schoolDay = day === 'all';
    const actions = await this.deps.repo.query({ dueTo: addDays(today, REMINDER_LOOKAHEAD_DAYS) });
    const due = remindersDue(actions, today, this.deps.policy, this.deps.calendar);
    const forLead: LeadNews = { escalations: [], unreachedOwners: new Map(), leadOnly: [] };
    const settlements: Settlement[] = [];

    // One claim call for every owner and the escalations, so the store can pack the claims into full
    // `$batch`es; each owner still gets one card, listing the reminders this instance won.
    const owners = [...due.byOwner.values()];
    const won = await this.claim([...owners.flat(), ...due.escalations], now);
    const shown = await this.shownBefore(owners.flat().filter(won));
    for (const reminders of owners) {
      const mine = reminders.filter(won);
      if (mine.length > 0) await this.remindOwner(newFirst(mine, shown), today, summary, forLead, settlements);
      await this.settle(settlements, 'whole groups');
    }
    forLead.escalations = due.escalations.filter(won);
    if (forLead.escalations.length > 0 || forLead.unreachedOwners.size > 0) await this.tellSendLead(forLead, today, summary, settlements);
    await this.settle(settlements, 'all');
    summary.unreached = [...forLead.unreachedOwners].map(([id, owner]) => ({ id, ...owner }));
    return this.report(summary, now);
  }

  /**
   * Keeps the run's report for the Reminders panel. Everything is sent and settled by now, so a store
   * that cannot take the report costs only the panel's view of this run, never a reminder.
   */
  private async report(summary: ReminderRunSummary, now: Date): Promise<ReminderRunSummary> {
    const { unreached, ...counts } = summary;
    this.deps.logger.info({ reminders: { ...counts, unreached: unreached.length } }, 'reminder run finished');
    try {
      await this.deps.runs.record({ ...summary, ranAt: now.toISOString() });
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message }, 'could not keep the reminder run report');
    }
    return summary;
  }

  /**
   * Which items an earlier card showed. The claims are already held, so a failed read must not end the
   * run (they would wait out their lease): the cards then go without the new/earlier split.
   */
  private async shownBefore(reminders: DueReminder[]): Promise<ReadonlySet<string>> {
    try {
      return await this.deps.log.shownBefore(reminders.map((r) => r.action.id));
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message }, 'could not read which items earlier cards showed; listing by due date');
      return new Set();
    }
  }

  /** Claims everything due at once; the result tells whether this caller won a given reminder. */
  private async claim(reminders: DueReminder[], now: Date): Promise<(r: DueReminder) => boolean> {
    if (reminders.length === 0) return () => false;
    const won = new Set((await this.deps.log.claim(reminders.map(claimOf), now)).map(keyOf));
    return (r) => won.has(keyOf(claimOf(r)));
  }

  private view(owner: Pick<Person, 'id' | 'name'>, reminders: Listed[], today: IsoDate, extra: Partial<ReminderView> = {}): ReminderView {
    const items = reminders.map(({ action, kind, isNew }) => ({ action, kind, ...(isNew === undefined ? {} : { isNew }) }));
    return { owner, audience: 'owner', items, today, ...extra };
  }

  /**
   * Records outcomes as the run goes: after each owner, every whole group of `OUTCOME_WRITES_PER_GROUP`
   * pending writes (the remainder waits for the next owner; `all` at the end of the run). Settled
   * entries are removed from `settlements`.
   *
   * Crash trade-off (at-least-once after a crash, chosen over skipping: SENCO practice prefers a
   * duplicate reminder to a lost one, and actions must not disappear between meetings). A crash loses
   * only the outcomes not yet written: at most a group's worth of sends plus the one in flight. Their
   * claims stay held with no outcome, as do the claims of owners not reached yet; the log lets any
   * instance claim such a claim again once its lease (30 minutes by default) has run out, so a later run
   * sends them. The unreached ones go out once; the few sent but not recorded go out a second time. A
   * live instance never loses a claim it recorded, and an instance that outlives the lease mid-run (far
   * beyond a paced run's length) cannot give back a claim taken over from it.
   */
  private async settle(settlements: Settlement[], how: 'whole groups' | 'all'): Promise<void> {
    const writes = settlements.flatMap(({ reminders, outcome }) => reminders.map((r) => ({ r, outcome })));
    const due = how === 'all' ? writes.length : writes.length - (writes.length % OUTCOME_WRITES_PER_GROUP);
    if (due === 0) return;
    const batch = writes.slice(0, due);
    const later = writes.slice(due);
    settlements.splice(0, settlements.length, ...later.map(({ r, outcome }) => ({ reminders: [r], outcome })));
    // null: nobody was told, so the claim goes back and a later run (or instance) tries again.
    // Written together in one turn, so the SharePoint log packs them into full `$batch`es.
    await Promise.all(
      batch.map(({ r, outcome }) => (outcome ? this.deps.log.record(claimOf(r), outcome) : this.deps.log.release(claimOf(r)))),
    );
  }

  /**
   * One card in the owner's personal chat. Without one: the card goes to each source chat with a
   * mention, and the SEND lead hears about the owner (and alone about items with no source chat).
   */
  private async remindOwner(
    reminders: DueReminder[],
    today: IsoDate,
    summary: ReminderRunSummary,
    forLead: LeadNews,
    settlements: Settlement[],
  ): Promise<void> {
    const owner = reminders[0]!.action.owner;
    const settledBefore = settlements.length;
    try {
      const outcome = await this.deps.sender.sendToPerson(owner, this.deps.present(this.view(owner, reminders, today)));
      if (outcome.delivered) {
        summary.cardsSent += 1;
        summary.itemsReminded += reminders.length;
        if (outcome.installed) summary.installed += 1;
        settlements.push({ reminders, outcome: outcome.installed ? 'installed-then-sent' : 'sent' });
        return;
      }
      forLead.unreachedOwners.set(owner.id, { name: owner.name, reason: outcome.reason, items: reminders.length });
      const inChats = reminders.filter((r) => r.action.source.conversationId);
      if (inChats.length > 0) await this.mentionInSourceChats(owner, inChats, today, summary, settlements);
      forLead.leadOnly.push(...reminders.filter((r) => !r.action.source.conversationId));
    } catch (error) {
      // Cards already posted in some source chats keep their outcome; only the rest are given back.
      const posted = new Set(settlements.slice(settledBefore).flatMap((s) => s.reminders));
      const unsent = reminders.filter((r) => !posted.has(r));
      summary.failed += unsent.length;
      this.deps.logger.warn({ ownerId: owner.id, err: (error as Error).message }, 'reminder not sent; claim released for the next run');
      settlements.push({ reminders: unsent, outcome: null });
    }
  }

  private async mentionInSourceChats(
    owner: Action['owner'],
    reminders: DueReminder[],
    today: IsoDate,
    summary: ReminderRunSummary,
    settlements: Settlement[],
  ): Promise<void> {
    const byChat = new Map<string, DueReminder[]>();
    for (const r of reminders) byChat.set(r.action.source.conversationId!, [...(byChat.get(r.action.source.conversationId!) ?? []), r]);
    for (const [chat, items] of byChat) {
      const text = `you have ${items.length} SEND action${items.length === 1 ? '' : 's'} to follow up from this chat.`;
      await this.deps.sender.postWithMention(chat, owner, text, this.deps.present(this.view(owner, items, today)));
      summary.cardsSent += 1;
      summary.itemsReminded += items.length;
      settlements.push({ reminders: items, outcome: 'source-chat' });
    }
    summary.fallbacks += 1;
  }

  private async tellSendLead(news: LeadNews, today: IsoDate, summary: ReminderRunSummary, settlements: Settlement[]): Promise<void> {
    const { escalations, leadOnly } = news;
    const byReason = new Map<UnreachableReason, string[]>();
    for (const { name, reason } of news.unreachedOwners.values()) byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
    const lines = [
      ...(escalations.length > 0
        ? [
            `${escalations.length} item${escalations.length === 1 ? ' is' : 's are'} at least ${this.deps.policy.escalateAfterDays} days overdue.`,
          ]
        : []),
      ...[...byReason].map(([reason, names]) => `The bot cannot message ${names.join(', ')} directly (${WHY_UNREACHED[reason]}).`),
      ...(byReason.size > 0 ? ['They were reminded in the meeting chat where there was one.'] : []),
    ];
    const seen = new Set<string>();
    const items = [...escalations, ...leadOnly].filter((r) => !seen.has(r.action.id) && seen.add(r.action.id));
    const card = this.deps.present(
      this.view(this.deps.sendLead, items, today, { audience: 'lead', notice: { tone: 'attention', text: lines.join(' ') } }),
    );
    try {
      const outcome = await this.deps.sender.sendToPerson(this.deps.sendLead, card);
      if (outcome.delivered) {
        summary.cardsSent += 1;
        summary.escalations = escalations.length;
        summary.leadOnly = leadOnly.length;
        settlements.push({ reminders: escalations, outcome: 'sent' }, { reminders: leadOnly, outcome: 'send-lead-only' });
        return;
      }
      this.deps.logger.warn('the SEND lead has no personal chat with the bot: escalations wait until they install the app');
      summary.undelivered += escalations.length + leadOnly.length;
    } catch (error) {
      summary.failed += escalations.length + leadOnly.length;
      this.deps.logger.warn({ err: (error as Error).message }, 'SEND lead card not sent; claims released for the next run');
    }
    settlements.push({ reminders: escalations, outcome: null }, { reminders: leadOnly, outcome: null });
  }
}

/** A reminder with whether an earlier card already showed its item (set only when a card has both). */
type Listed = DueReminder & { isNew?: boolean };

/**
 * Items no earlier card showed come first, each marked, when the card also has ones shown before;
 * a card of only new (or only earlier) items is left as it is, by due date.
 */
function newFirst(reminders: DueReminder[], shown: ReadonlySet<string>): Listed[] {
  const fresh = reminders.filter((r) => !shown.has(r.action.id));
  if (fresh.length === 0 || fresh.length === reminders.length) return reminders;
  return [
    ...fresh.map((r) => ({ ...r, isNew: true })),
    ...reminders.filter((r) => shown.has(r.action.id)).map((r) => ({ ...r, isNew: false })),
  ];
}

/** How some claimed reminders went: an outcome to record, or null to give the claims back. */
interface Settlement {
  reminders: DueReminder[];
  outcome: string | null;
}

/** What the SEND lead's card carries from one run. */
interface LeadNews {
  escalations: DueReminder[];
  /** Owner id -> who could not be messaged directly, and why. */
  unreachedOwners: Map<string, Unreached>;
  /** Items whose owner has no personal chat and which came from no chat: only the lead can act. */
  leadOnly: DueReminder[];
}

/** An owner the run could not message in their personal chat, why, and how many items it held up. */
type Unreached = Omit<UnreachedOwner, 'id'>;
