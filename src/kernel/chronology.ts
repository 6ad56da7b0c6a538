import type { Action } from './action';
import { formatDate, londonDate, type IsoDate } from './dates';
import type { EhcPlan } from './ehc-plan';
import type { Intervention } from './intervention';
import { SEN_STATUS_LABELS } from './need-codes';
import { ownerLabel } from './owner-label';
import type { Passport } from './passport';
import type { PupilRecord } from './pupil-record';
import { STATUS_LABELS } from './status';

/** What a chronology entry is about: the filter a SENCO picks from before an annual review. */
export const CHRONOLOGY_KINDS = ['action', 'ehc-plan', 'intervention', 'register', 'profile'] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const CHRONOLOGY_KIND_LABELS: Record<ChronologyKind, string> = {
  action: 'Actions agreed and closed',
  'ehc-plan': 'EHC plan and reviews',
  intervention: 'Interventions and measures',
  register: 'SEN register',
  profile: 'One-page profile',
};

/** One thing that happened, as a person reads it. `itemId` opens the tracker item it came from. */
export interface ChronologyEvent {
  date: IsoDate;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  /** Who recorded it in the app; null for dates taken from the MIS or the plan. */
  by: string | null;
  itemId?: string;
}

/** Every record the app holds about one pupil, as the stores give them. */
export interface PupilRecords {
  register: PupilRecord | null;
  actions: readonly Action[];
  interventions: readonly Intervention[];
  passportVersions: readonly Passport[];
  ehcPlanVersions: readonly EhcPlan[];
}

const MEASURE_POINT_WORDS = { baseline: 'Baseline', mid: 'Mid-point', end: 'End' } as const;

function actionEvents(a: Action): ChronologyEvent[] {
  const agreed: ChronologyEvent = {
    date: londonDate(new Date(a.createdAt)),
    kind: a.statutory ? 'ehc-plan' : 'action',
    title: `${a.statutory ? 'Statutory step set' : 'Agreed'}: ${a.description}`,
    detail: [`${ownerLabel(a)}, due ${formatDate(a.dueDate)}`, a.source.title].filter(Boolean).join(' · '),
    by: a.createdBy.name,
    itemId: a.id,
  };
  if (!a.closedAt) return [agreed];
  const closed: ChronologyEvent = {
    date: londonDate(new Date(a.closedAt)),
    kind: agreed.kind,
    title: `${STATUS_LABELS[a.status]}: ${a.description}`,
    detail: a.closingNote,
    by: a.updatedBy.name,
    itemId: a.id,
  };
  return [agreed, closed];
}

/** The plan's own dates (assessment asked for, plan issued, each review held), once each, from its saved versions. */
function planEvents(versions: readonly EhcPlan[]): ChronologyEvent[] {
  const events = new Map<string, ChronologyEvent>();
  const add = (date: IsoDate | null, title: string, detail: string | null, by: string) => {
    if (date && !events.has(`${date} ${title}`)) events.set(`${date} ${title}`, { date, kind: 'ehc-plan', title, detail, by });
  };
  for (const v of versions) {
    const { requestDate, issueDate, lastReviewDate, localAuthority } = v.details;
    add(requestDate, 'EHC needs assessment requested', localAuthority, v.updatedBy.name);
    add(issueDate, 'EHC plan issued', localAuthority, v.updatedBy.name);
    add(lastReviewDate, 'Annual review held', null, v.updatedBy.name);
  }
  return [...events.values()];
}

function interventionEvents(i: Intervention): ChronologyEvent[] {
  const started: ChronologyEvent = {
    date: i.startDate,
    kind: 'intervention',
    title: `Intervention started: ${i.name}`,
    detail: `With ${i.staff.name}, planned to end ${formatDate(i.plannedEndDate)}`,
    by: i.createdBy.name,
  };
  const unit = i.measureKind === 'custom' ? (i.measureUnit ?? '') : i.measureKind === 'standardised_score' ? 'score' : 'months';
  const measures = i.measures.map((m): ChronologyEvent => ({
    date: m.date,
    kind: 'intervention',
    title: `${MEASURE_POINT_WORDS[m.point]} measure, ${i.name}: ${m.value} ${unit}`.trim(),
    detail: m.note ?? null,
    by: null,
  }));
  return [started, ...measures];
}

function registerEvents(pupil: PupilRecord | null): ChronologyEvent[] {
  if (!pupil) return [];
  const events: ChronologyEvent[] = [];
  if (pupil.senStartDate && pupil.senStatus !== 'N') {
    events.push({
      date: pupil.senStartDate,
      kind: 'register',
      title: `On the SEN register: ${SEN_STATUS_LABELS[pupil.senStatus]}`,
      detail: 'From the MIS',
      by: null,
    });
  }
  if (!pupil.onRoll) {
    const on = londonDate(new Date(pupil.importedAt));
    events.push({ date: on, kind: 'register', title: 'Left the school roll', detail: 'No longer in the MIS export', by: null });
  }
  return events;
}

function profileEvents(versions: readonly Passport[]): ChronologyEvent[] {
  return versions.map((p) => ({
    date: londonDate(new Date(p.updatedAt)),
    kind: 'profile' as const,
    title: p.version === 1 ? 'One-page profile written' : `One-page profile updated (version ${p.version})`,
    detail: null,
    by: p.updatedBy.name,
  }));
}

/**
 * Everything the app knows happened to one pupil, newest first: actions agreed and closed (with
 * their notes), the EHC plan's dates and reviews, interventions and their measures, register
 * changes from the MIS and each version of the one-page profile. `kinds` keeps only those kinds. Pure.
 */
export function buildChronology(records: PupilRecords, kinds: readonly ChronologyKind[] = CHRONOLOGY_KINDS): ChronologyEvent[] {
  const all = [
    ...records.actions.flatMap(actionEvents),
    ...planEvents(records.ehcPlanVersions),
    ...records.interventions.flatMap(interventionEvents),
    ...registerEvents(records.register),
    ...profileEvents(records.passportVersions),
  ];
  const wanted = new Set(kinds);
  // Newest first; on one day, in the order of CHRONOLOGY_KINDS, then by title, so the order never shifts.
  return all
    .filter((e) => wanted.has(e.kind))
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        CHRONOLOGY_KINDS.indexOf(a.kind) - CHRONOLOGY_KINDS.indexOf(b.kind) ||
        a.title.localeCompare(b.title),
    );
}
