import { Suspense } from 'react';
import type { EffectivenessRow } from '@/api-types';
import { formatAge } from '@/kernel/age';
import { AGE_BASED } from '@/kernel/intervention';
import { ChartFigure, GroupedBars } from '@tab/Charts/ChartFigure';
import { MEASURE_KIND_LABELS } from './StartInterventionForm';

type EntryExit = NonNullable<EffectivenessRow['entryExit']>;

const scaleName = (e: EntryExit) => (e.measureKind === 'custom' ? (e.measureUnit ?? 'value') : MEASURE_KIND_LABELS[e.measureKind]);
const entryExitTitle = (e: EntryExit) => `Entry and exit: ${scaleName(e)}${AGE_BASED.includes(e.measureKind) ? ' in months' : ''} (median)`;
const valueText = (e: EntryExit, n: number) => (AGE_BASED.includes(e.measureKind) ? formatAge(n) : String(n));

/**
 * Which interventions work, drawn: the median ratio gain of each (its table is the effectiveness
 * table below), then where pupils entered and left, one chart per measure so no axis mixes scales.
 */
export function EffectivenessCharts({ rows }: { rows: EffectivenessRow[] }) {
  const gains = rows.filter((r) => r.medianRatioGain !== null);
  const scales = new Map<string, { sample: EntryExit; rows: [string, EntryExit][] }>();
  for (const r of rows) {
    if (!r.entryExit) continue;
    const key = `${r.entryExit.measureKind}|${r.entryExit.measureUnit ?? ''}`;
    const scale = scales.get(key) ?? { sample: r.entryExit, rows: [] };
    scale.rows.push([r.name, r.entryExit]);
    scales.set(key, scale);
  }
  return (
    <>
      {gains.length > 0 && (
        <Suspense fallback={null}>
          <GroupedBars
            title="Median ratio gain by intervention"
            legends={['Median ratio gain']}
            groups={gains.map((r) => ({ name: r.name, values: [r.medianRatioGain] }))}
          />
        </Suspense>
      )}
      {[...scales.values()].map(({ sample, rows: measured }) => (
        <ChartFigure
          key={`${sample.measureKind}|${sample.measureUnit ?? ''}`}
          title={entryExitTitle(sample)}
          chart={
            <GroupedBars
              title={entryExitTitle(sample)}
              legends={['Entry', 'Exit']}
              groups={measured.map(([name, e]) => ({ name, values: [e.entry, e.exit] }))}
            />
          }
          columns={['Intervention', 'Pupils', 'Entry', 'Exit']}
          rows={measured.map(([name, e]) => ({ label: name, cells: [String(e.pupils), valueText(e, e.entry), valueText(e, e.exit)] }))}
        />
      ))}
    </>
  );
}
