import type { Action, Person, Pupil } from '@/kernel/action';
import { checkInBuckets, DEFAULT_CHECK_IN_POLICY, isOverdue, needsEscalation, type CheckInPolicy } from '@/kernel/check-in';
import { addDays, londonDate, type IsoDate } from '@/kernel/dates';
import { ITEM_TYPES, type ItemType } from '@/kernel/item-type';
import { isClosed, STATUSES, type Status } from '@/kernel/status';
import { statutoryDeadlines, type StatutoryDeadlines } from '@/kernel/statutory-deadlines';

/** How far back "recently closed" looks, and how far ahead "reviews due" looks (days, inclusive of today). */
export const RECENTLY_CLOSED_DAYS = 7;
export const REVIEWS_AHEAD_DAYS = 28;

/** One member of staff's week: their own items only. */
export interface OwnerDigest {
  owner: Person;
  overdue: Action[];
  dueThisWeek: Action[];
  waiting: Action[];
  recentlyClosed: Action[];
}

export interface OwnerOverdue {
  owner: Person;
  actions: Action[];
}

/** The SEND lead's whole-school picture. */
export interface SchoolPicture {
  /** The EHC plans' statutory steps missed, at risk and coming up in six weeks, apart from everything else. */
  statutory: StatutoryDeadlines<Action>;
  /** Every status, closed ones included, so the numbers add up to the whole register. */
  countsByStatus: Record<Status, number>;
  /** Open items only: what is on the go, by kind of work. */
  openByItemType: Record<ItemType, number>;
  /** Owners with overdue items, most overdue items first. */
  overdueByOwner: OwnerOverdue[];
  needsEscalation: Action[];
  /** Open items whose next review date falls in the next four weeks, soonest first. */
  reviewsDue: Action[];
  /** Pupils who have items in the tracker but none still open: nobody is doing anything next. */
  pupilsWithNoOpenStep: Pupil[];
}

export interface Digest {
  today: IsoDate;
  /** Owners with at least one thing to report, by name. */
  owners: OwnerDigest[];
  school: SchoolPicture;
}

/** True when the owner's digest has nothing in it (no email is sent for an empty week). */
export function isEmptyOwnerDigest(d: OwnerDigest): boolean {
  return d.overdue.length + d.dueThisWeek.length + d.waiting.length + d.recentlyClosed.length === 0;
}

/**
 * The weekly digest from every action in the store (closed ones included) as of `today` in London.
 * Pure: the task fetches, this sorts.
 */
export function buildDigest(actions: Action[], today: IsoDate, policy: CheckInPolicy = DEFAULT_CHECK_IN_POLICY): Digest {
  return { today, owners: ownerDigests(actions, today, policy), school: schoolPicture(actions, today, policy) };
}

function wasClosedRecently(action: Action, today: IsoDate): boolean {
  if (!isClosed(action.status) || !action.closedAt) return false;
  const closedOn = londonDate(new Date(action.closedAt));
  return closedOn > addDays(today, -RECENTLY_CLOSED_DAYS) && closedOn <= today;
}

function ownerDigests(actions: Action[], today: IsoDate, policy: CheckInPolicy): OwnerDigest[] {
  const byOwner = new Map<string, { owner: Person; actions: Action[] }>();
  for (const action of actions) {
    const entry = byOwner.get(action.owner.id) ?? { owner: action.owner, actions: [] };
    entry.actions.push(action);
    byOwner.set(action.owner.id, entry);
  }
  return [...byOwner.values()]
    .map(({ owner, actions: own }) => {
      const buckets = checkInBuckets(own, today, policy);
      const recentlyClosed = own
        .filter((a) => wasClosedRecently(a, today))
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
      return { owner, overdue: buckets.overdue, dueThisWeek: buckets.dueThisWeek, waiting: buckets.waiting, recentlyClosed };
    })
    .filter((d) => !isEmptyOwnerDigest(d))
    .sort((a, b) => a.owner.name.localeCompare(b.owner.name, 'en-GB'));
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function schoolPicture(actions: Action[], today: IsoDate, policy: CheckInPolicy): SchoolPicture {
  const countsByStatus = zeroCounts(STATUSES);
  const openByItemType = zeroCounts(ITEM_TYPES);
  const overdue = new Map<string, OwnerOverdue>();
  const pupils = new Map<string, { pupil: Pupil; open: number }>();
  const reviewUntil = addDays(today, REVIEWS_AHEAD_DAYS);
  const byDue = [...actions].sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  for (const action of byDue) {
    countsByStatus[action.status] += 1;
    const open = !isClosed(action.status);
    if (open) openByItemType[action.itemType] += 1;
    if (isOverdue(action, today)) {
      const entry = overdue.get(action.owner.id) ?? { owner: action.owner, actions: [] };
      entry.actions.push(action);
      overdue.set(action.owner.id, entry);
    }
    const pupil = pupils.get(action.pupil.id) ?? { pupil: action.pupil, open: 0 };
    if (open) pupil.open += 1;
    pupils.set(action.pupil.id, pupil);
  }

  return {
    statutory: statutoryDeadlines(actions, today),
    countsByStatus,
    openByItemType,
    overdueByOwner: [...overdue.values()].sort(
      (a, b) => b.actions.length - a.actions.length || a.owner.name.localeCompare(b.owner.name, 'en-GB'),
    ),
    needsEscalation: byDue.filter((a) => needsEscalation(a, today, policy)),
    reviewsDue: byDue
      .filter((a) => !isClosed(a.status) && a.nextReviewDate !== null && a.nextReviewDate >= today && a.nextReviewDate <= reviewUntil)
      .sort((a, b) => (a.nextReviewDate ?? '').localeCompare(b.nextReviewDate ?? '')),
    pupilsWithNoOpenStep: [...pupils.values()]
      .filter((p) => p.open === 0)
      .map((p) => p.pupil)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}

/** One email's worth: a recipient, their own items (if any) and, for the SEND lead, the school picture. */
export interface DigestContent {
  recipient: Person;
  today: IsoDate;
  own: OwnerDigest | null;
  school: SchoolPicture | null;
}

/**
 * Who gets an email this week: every owner with something to report, plus the SEND lead. The lead
 * gets one email, with their own items above the school picture, so each recipient has one digest a week.
 */
export function digestRecipients(digest: Digest, lead: Person): DigestContent[] {
  const leadOwn = digest.owners.find((d) => d.owner.id === lead.id) ?? null;
  const others = digest.owners
    .filter((d) => d.owner.id !== lead.id)
    .map((own): DigestContent => ({ recipient: own.owner, today: digest.today, own, school: null }));
  return [{ recipient: lead, today: digest.today, own: leadOwn, school: digest.school }, ...others];
}
