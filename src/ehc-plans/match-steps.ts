import type { Action } from '@/kernel/action';
import { isClosed } from '@/kernel/status';
import type { StatutoryStep } from '@/kernel/statutory-clock';
import { statutoryKey } from './statutory-items';

export interface MatchedSteps {
  /** Each step the clock wants now, with the tracker item made for it (null: not made yet). */
  rows: Array<{ step: StatutoryStep; item: Action | null }>;
  /**
   * Open items the clock made that no step calls for now: an earlier review's steps not closed yet,
   * or a step whose date was corrected away. Each needs closing with a note by the SEND team.
   */
  earlierOpen: Action[];
}

/** Pairs the clock's steps with the pupil's statutory items by their key. Pure. */
export function matchSteps(pupilId: string, steps: readonly StatutoryStep[], items: readonly Action[]): MatchedSteps {
  const byKey = new Map(items.filter((a) => a.statutory).map((a) => [statutoryKey(pupilId, a.statutory!), a]));
  const rows = steps.map((step) => ({ step, item: byKey.get(statutoryKey(pupilId, { step: step.kind, cycle: step.cycle })) ?? null }));
  const wanted = new Set(rows.map((r) => r.item?.id));
  // A closed item of an older cycle is history, not a problem: only open ones are asked about.
  const earlierOpen = [...byKey.values()].filter((a) => !wanted.has(a.id) && !isClosed(a.status));
  return { rows, earlierOpen };
}
