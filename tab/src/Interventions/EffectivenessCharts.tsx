import type { EffectivenessRow } from '@/api-types';
import { formatAge } from '@/kernel/age';
import { AGE_BASED } from '@/kernel/intervention';
import { ChartFigure, FigureTable, GroupedBars } from '@tab/Charts/ChartFigure';
import { EffectivenessTable } from './EffectivenessTable';
import { MEASURE_KIND_LABELS } from './StartInterventionForm';

type EntryExit = NonNullable<EffectivenessRow['entryExit']>;

const scaleName = (e: EntryExit) => (e.measureKind === 'custom' ? (e.measureUnit ?? 'value') : MEASURE_KIND_LABELS[e.measureKind]);
const entryExitTitle = (e: EntryExit) => `Entry and exit: ${scaleName(e)}${AGE_BASED.includes(e.measureKind) ? ' in months' : ''} (median)`;
const valueText = (e: EntryExit, n: number) => (AGE_BASED.includes(e.measureKind) ? formatAge(n) : String(n));
const scaleKey = (e: EntryExit) => `${e.measureKind}|${e.measureUnit ?? ''}`;

const GAIN_TITLE = 'Median ratio gain by intervention';

/**
 * Which interventions work: the effectiveness table, with the median ratio gain of each drawn above
 * it, then where pupils entered and left, one chart per measure so no axis mixes scales.
 */
export function EffectivenessCharts({ rows }: { rows: EffectivenessRow[] }) {
  const gains = rows.filter((r) => r.medianRatioGain !== null);
  const scales = new Map<string, [string, EntryExit][]>();
  for (const r of rows)
    if (r.entryExit) scales.set(scaleKey(r.entryExit), [...(scales.get(scaleKey(r.entryExit)) ?? []), [r.name, r.entryExit]]);
  return (
    <>
      {gains.length > 0 ? (
        <ChartFigure
          title={GAIN_TITLE}
          chart={
            <GroupedBars
              title={GAIN_TITLE}
              legends={['Median ratio gain']}
              groups={gains.map((r) => ({ name: r.name, values: [r.medianRatioGain] }))}
            />
          }
        >
          <EffectivenessTable rows={rows} />
        </ChartFigure>
      ) : (
        <EffectivenessTable rows={rows} />
      )}
      {[...scales.values()].map((measured) => {
        const title = entryExitTitle(measured[0]![1]);
        return (
          <ChartFigure
            key={scaleKey(measured[0]![1])}
            title={title}
            chart={
              <GroupedBars
                title={title}
                legends={['Entry', 'Exit']}
                groups={measured.map(([name, e]) => ({ name, values: [e.entry, e.exit] }))}
              />
            }
          >
            <FigureTable
              label={`${title}: table`}
              columns={['Intervention', 'Pupils', 'Entry', 'Exit']}
              rows={measured.map(([name, e]) => ({ label: name, cells: [String(e.pupils), valueText(e, e.entry), valueText(e, e.exit)] }))}
            />
          </ChartFigure>
        );
      })}
    </>
  );
}
