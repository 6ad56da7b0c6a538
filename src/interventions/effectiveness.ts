import { AGE_BASED, measureAt, type Intervention } from '@/kernel/intervention';
import {
  DEFAULT_EXPECTED_RATIO_GAIN,
  DEFAULT_RATIO_GAIN_BANDS,
  interventionRatioGain,
  ratioGainBand,
  type RatioGainBands,
} from './ratio-gain';

/** One row of the effectiveness table: an intervention (by name) across every pupil who had it. */
export interface EffectivenessRow {
  name: string;
  pupils: number;
  /** Pupils with a baseline and a later measure. */
  measured: number;
  /** Median ratio gain over age-based measures; null when none. */
  medianRatioGain: number | null;
  medianBand: string | null;
  /** Median change (latest - baseline) on standardised scores or custom measures; null when none. */
  medianChange: number | null;
  /** Of pupils with an end measure and a numeric target, the share who met it (0-100); null when none. */
  percentMetTarget: number | null;
  /** Median ratio gain below the expectation, or fewer than half meeting their target. */
  belowExpectation: boolean;
}

export interface EffectivenessOptions {
  bands?: RatioGainBands;
  expectedRatioGain?: number;
}

/** Did the pupil meet the numeric target at the end? null when there is no end measure or no number. */
export function metTarget(i: Pick<Intervention, 'measures' | 'target'>): boolean | null {
  const end = measureAt(i, 'end');
  if (!end || i.target.value === null) return null;
  return i.target.direction === 'at_least' ? end.value >= i.target.value : end.value <= i.target.value;
}

/** The middle value (mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 100) / 100;
}

/** The effectiveness table: least effective first, so ones that are not working stand out. */
export function effectivenessTable(interventions: readonly Intervention[], options: EffectivenessOptions = {}): EffectivenessRow[] {
  const bands = options.bands ?? DEFAULT_RATIO_GAIN_BANDS;
  const expected = options.expectedRatioGain ?? DEFAULT_EXPECTED_RATIO_GAIN;
  const byName = new Map<string, Intervention[]>();
  for (const i of interventions) {
    const key = i.name.trim();
    byName.set(key, [...(byName.get(key) ?? []), i]);
  }
  const rows = [...byName].map(([name, list]): EffectivenessRow => {
    const gains = list.map(interventionRatioGain).filter((g): g is number => g !== null);
    const changes = list
      .filter((i) => !AGE_BASED.includes(i.measureKind))
      .map((i) => {
        const base = measureAt(i, 'baseline');
        const latest = measureAt(i, 'end') ?? measureAt(i, 'mid');
        return base && latest ? latest.value - base.value : null;
      })
      .filter((c): c is number => c !== null);
    const met = list.map(metTarget).filter((m): m is boolean => m !== null);
    const medianRatioGain = median(gains);
    const percentMetTarget = met.length ? Math.round((met.filter(Boolean).length / met.length) * 1000) / 10 : null;
    return {
      name,
      pupils: new Set(list.map((i) => i.pupilId)).size,
      measured: gains.length + changes.length,
      medianRatioGain,
      medianBand: medianRatioGain === null ? null : ratioGainBand(medianRatioGain, bands),
      medianChange: median(changes),
      percentMetTarget,
      belowExpectation: (medianRatioGain !== null && medianRatioGain < expected) || (percentMetTarget !== null && percentMetTarget < 50),
    };
  });
  return rows.sort((a, b) => Number(b.belowExpectation) - Number(a.belowExpectation) || a.name.localeCompare(b.name));
}
