import { ownerLabel } from '@/kernel/owner-label';
import { pupilLabel } from '@/kernel/pupil-label';
import type { DigestContent, OwnerDigest, SchoolPicture } from './build-digest';
import { RECENTLY_CLOSED_DAYS } from './build-digest';
import type { Action } from '@/kernel/action';
import { addDays, daysBetween, formatDate, isoWeekday, type IsoDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS, ITEM_TYPES } from '@/kernel/item-type';
import { isClosed, STATUS_LABELS, STATUSES } from '@/kernel/status';
import type { DeepLinks } from './deep-links';

/** One item as both the HTML and plain-text emails show it. All strings are raw user text: escape on output. */
export interface ItemView {
  title: string;
  meta: string;
  when: string;
  link: string;
}

/** A block of the email: a list of items, a table of counts, or plain lines. */
export interface SectionView {
  heading: string;
  /** Shown when the section has nothing in it. */
  empty: string;
  items?: ItemView[];
  counts?: [label: string, count: number][];
  lines?: string[];
  /** How many more entries there are than are shown: the email points to the tracker for the rest. */
  more?: number;
}

/**
 * Longest list an email shows. A big school's escalation list could run to hundreds of items, and a
 * multi-megabyte email gets clipped or refused; the tracker has the full list.
 */
export const MAX_LIST_ENTRIES = 25;

function capped<T>(entries: T[]): { shown: T[]; more?: number } {
  if (entries.length <= MAX_LIST_ENTRIES) return { shown: entries };
  return { shown: entries.slice(0, MAX_LIST_ENTRIES), more: entries.length - MAX_LIST_ENTRIES };
}

/** Everything the presenters need, already worded and dated (en-GB), so HTML and text never drift apart. */
export interface DigestView {
  subject: string;
  preheader: string;
  greeting: string;
  weekLabel: string;
  schoolName: string;
  ownSections: SectionView[];
  schoolSections: SectionView[];
  trackerLink: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function whenLabel(action: Action, today: IsoDate): string {
  if (isClosed(action.status)) {
    return `${STATUS_LABELS[action.status]} ${action.closedAt ? formatDate(action.closedAt.slice(0, 10)) : ''}`.trim();
  }
  const late = daysBetween(action.dueDate, today);
  if (late > 0) return `Due ${formatDate(action.dueDate)}, ${plural(late, 'day')} overdue`;
  if (late === 0) return `Due today, ${formatDate(action.dueDate)}`;
  return `Due ${formatDate(action.dueDate)}`;
}

function itemView(action: Action, today: IsoDate, links: DeepLinks, extra?: string): ItemView {
  const meta = [pupilLabel(action.pupil), ITEM_TYPE_LABELS[action.itemType], STATUS_LABELS[action.status], extra].filter(Boolean);
  return { title: action.description, meta: meta.join(' · '), when: whenLabel(action, today), link: links.item(action.id) };
}

function ownSections(own: OwnerDigest | null, today: IsoDate, links: DeepLinks): SectionView[] {
  if (!own) return [];
  const list = (heading: string, empty: string, actions: Action[]): SectionView => {
    const { shown, more } = capped(actions);
    return { heading: `${heading} (${actions.length})`, empty, items: shown.map((a) => itemView(a, today, links)), more };
  };
  return [
    list('Overdue', 'Nothing overdue.', own.overdue),
    list('Due this week', 'Nothing else due this week.', own.dueThisWeek),
    list('Waiting on someone', 'Nothing waiting on a reply.', own.waiting),
    list(`Closed in the last ${RECENTLY_CLOSED_DAYS} days`, 'Nothing closed this week.', own.recentlyClosed),
  ];
}

function schoolSections(school: SchoolPicture | null, today: IsoDate, links: DeepLinks): SectionView[] {
  if (!school) return [];
  const overdueTotal = school.overdueByOwner.reduce((n, o) => n + o.actions.length, 0);
  const escalate = capped(school.needsEscalation);
  const reviews = capped(school.reviewsDue);
  const pupils = capped(school.pupilsWithNoOpenStep);
  const statutory = (heading: string, empty: string, actions: Action[]): SectionView => {
    const { shown, more } = capped(actions);
    return {
      heading: `${heading} (${actions.length})`,
      empty,
      items: shown.map((a) => itemView(a, today, links, `Owner: ${ownerLabel(a)}`)),
      more,
    };
  };
  return [
    // The law sets these dates: first in the email, ahead of the school's own work.
    statutory('Statutory deadlines missed', 'No statutory deadline is missed.', school.statutory.missed),
    statutory('Statutory deadlines at risk (due within two weeks, not started)', 'None at risk.', school.statutory.atRisk),
    statutory(
      'Statutory deadlines in the next six weeks',
      'No other statutory step is due in the next six weeks.',
      school.statutory.comingUp,
    ),
    { heading: 'All items by status', empty: 'No items yet.', counts: STATUSES.map((s) => [STATUS_LABELS[s], school.countsByStatus[s]]) },
    {
      heading: 'Open items by type',
      empty: 'No open items.',
      counts: ITEM_TYPES.map((t) => [ITEM_TYPE_LABELS[t], school.openByItemType[t]]),
    },
    {
      heading: `Overdue by owner (${overdueTotal})`,
      empty: 'Nothing overdue.',
      counts: school.overdueByOwner.map((o) => [o.owner.name, o.actions.length]),
    },
    {
      heading: `Needs escalation (${school.needsEscalation.length})`,
      empty: 'Nothing needs escalating.',
      items: escalate.shown.map((a) => itemView(a, today, links, `Owner: ${a.owner.name}`)),
      more: escalate.more,
    },
    {
      heading: `Reviews due in the next four weeks (${school.reviewsDue.length})`,
      empty: 'No reviews due in the next four weeks.',
      items: reviews.shown.map((a) => ({
        ...itemView(a, today, links, `Owner: ${a.owner.name}`),
        when: `Review ${formatDate(a.nextReviewDate ?? today)}`,
      })),
      more: reviews.more,
    },
    {
      heading: `Pupils with no open next step (${school.pupilsWithNoOpenStep.length})`,
      empty: 'Every pupil in the tracker has an open next step.',
      lines: pupils.shown.map(pupilLabel),
      more: pupils.more,
    },
  ];
}

/** The Monday of the week containing `today`. */
function weekStart(today: IsoDate): IsoDate {
  return addDays(today, 1 - isoWeekday(today));
}

/** Words and links for one recipient's digest. */
export function digestView(content: DigestContent, links: DeepLinks, schoolName: string): DigestView {
  const { own, school, today } = content;
  const monday = formatDate(weekStart(today));
  const weekLabel = `Week beginning ${monday}`;
  const summary = own
    ? `${plural(own.overdue.length, 'overdue item')}, ${own.dueThisWeek.length} due this week, ${own.waiting.length} waiting`
    : 'Your own list is clear this week';
  return {
    subject: school ? `SEND weekly digest for the week beginning ${monday}` : `Your SEND actions for the week beginning ${monday}`,
    preheader: `${summary}.`,
    greeting: `Good morning ${content.recipient.name.split(' ')[0] ?? content.recipient.name},`,
    weekLabel,
    schoolName,
    ownSections: ownSections(own, today, links),
    schoolSections: schoolSections(school, today, links),
    trackerLink: links.tracker(),
  };
}
