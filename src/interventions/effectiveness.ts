import { AGE_BASED, measureAt, type Intervention, type MeasureKind } from '@/kernel/intervention';
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
  /**
   * Where pupils started and ended, as medians on the measure most of them had (ages in months):
   * pupils with a baseline and a later measure of that kind. null when none has both.
   */
  entryExit: { measureKind: MeasureKind; measureUnit: string | null; pupils: number; entry: number; exit: number } | null;
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

/** Median entry and exit on the measure most of the intervention's pupils had. */
function entryExit(list: readonly Intervention[]): EffectivenessRow['entryExit'] {
  const pairs = list.flatMap((i) => {
    const entry = measureAt(i, 'baseline');
    const exit = measureAt(i, 'end') ?? measureAt(i, 'mid');
    return entry && exit ? [{ kind: i.measureKind, unit: i.measureUnit, entry: entry.value, exit: exit.value }] : [];
  });
  if (pairs.length === 0) return null;
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(`${p.kind}|${p.unit ?? ''}`, (counts.get(`${p.kind}|${p.unit ?? ''}`) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  const same = pairs.filter((p) => `${p.kind}|${p.unit ?? ''}` === top![0]);
  return {
    measureKind: same[0]!.kind,
    measureUnit: same[0]!.unit,
    pupils: same.length,
    entry: median(same.map((p) => p.entry))!,
    exit: median(same.map((p) => p.exit))!,
  };
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
      entryExit: entryExit(list),
    };
  });
  return rows.sort((a, b) => Number(b.belowExpectation) - Number(a.belowExpectation) || a.name.localeCompare(b.name));
}
