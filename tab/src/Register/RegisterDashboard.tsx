import { Card, CardHeader, Text } from '@fluentui/react-components';
import type { RegisterAnalytics, StatusSplit } from '@/api-types';
import { ChartFigure, FigureTable, GroupedBars, TrendLines } from '@tab/Charts/ChartFigure';
import { useRegisterStyles } from './Register.styles';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';

const pct = (n: number | null) => (n === null ? '–' : `${n}%`);
const year = (y: number) => (y === 0 ? 'R' : y < 0 ? 'N' : `Y${y}`);

/** The register dashboard: the four key questions first, then the figures behind them. Presenter only. */
export function RegisterDashboard({ analytics }: { analytics: RegisterAnalytics }) {
  const styles = useRegisterStyles();
  const a = analytics;
  const needs = a.needs.filter(
    (n) => n.ehcPlan + n.senSupport > 0 || n.nationalEhcPlanPercent !== null || n.nationalSenSupportPercent !== null,
  );
  return (
    <div>
      <section className={styles.section} aria-labelledby="register-questions">
        <h2 id="register-questions">Key questions</h2>
        <div className={styles.questions}>
          {a.keyQuestions.map((q) => (
            <Card key={q.id} appearance={q.attention ? 'outline' : 'filled-alternative'}>
              <CardHeader header={<Text weight="semibold">{q.question}</Text>} description={q.attention ? 'Needs a look' : 'OK'} />
              <Text>{q.answer}</Text>
            </Card>
          ))}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="register-national">
        <h2 id="register-national">
          Our numbers and national (
          {a.roll.source === 'given'
            ? `${a.roll.count.toLocaleString('en-GB')} on roll, ${a.pupils.toLocaleString('en-GB')} on the register`
            : `${a.pupils.toLocaleString('en-GB')} pupils`}
          , {a.phase})
        </h2>
        {a.roll.source === 'register' && a.roll.given !== null && (
          <Text className={styles.note}>
            The number on roll given ({a.roll.given.toLocaleString('en-GB')}) is fewer than the pupils on the register, so the register’s
            count is used.
          </Text>
        )}
        <ChartFigure
          title="Percentage of pupils: school and national"
          chart={
            <GroupedBars
              title="Percentage of pupils: school and national"
              legends={['School', 'National']}
              groups={a.comparisons.map((c) => ({ name: c.label, values: [c.schoolPercent, c.nationalPercent] }))}
            />
          }
        >
          <FigureTable
            label="Percentage of pupils: school and national: table"
            columns={['Measure', 'School', 'National', 'National figure for']}
            rows={a.comparisons.map((c) => ({ label: c.label, cells: [pct(c.schoolPercent), pct(c.nationalPercent), c.nationalScope] }))}
          />
        </ChartFigure>
        <Text className={styles.note}>
          National: {a.national.source}, {a.national.year}.
        </Text>
        {a.change && (
          <Text>
            Since {a.change.from}: SEN support {signed(a.change.senSupport)}, EHC plans {signed(a.change.ehcPlan)}, any SEN{' '}
            {signed(a.change.anySenPercentPoints)} percentage points ({a.change.to}).
          </Text>
        )}
        {a.trend.length > 1 && (
          <ChartFigure
            title="Termly snapshots: share of pupils on the register"
            chart={
              <TrendLines
                title="Termly snapshots: share of pupils on the register"
                terms={a.trend.map((t) => t.term)}
                series={[
                  { legend: 'EHC plan', values: a.trend.map((t) => t.ehcPlanPercent) },
                  { legend: 'SEN support', values: a.trend.map((t) => t.senSupportPercent) },
                ]}
              />
            }
          >
            <FigureTable
              label="Termly snapshots: share of pupils on the register: table"
              columns={['Term', 'Pupils', 'EHC plan', 'SEN support']}
              rows={a.trend.map((t) => ({
                label: t.term,
                cells: [t.pupils.toLocaleString('en-GB'), pct(t.ehcPlanPercent), pct(t.senSupportPercent)],
              }))}
            />
          </ChartFigure>
        )}
      </section>

      <section className={styles.section} aria-labelledby="register-needs">
        <h2 id="register-needs">Primary need</h2>
        <ChartFigure
          title="Primary need: share of each group, school and national"
          chart={
            <GroupedBars
              title="Primary need: share of each group, school and national"
              legends={['School: EHC plans', 'National: EHC plans', 'School: SEN support', 'National: SEN support']}
              groups={needs.map((n) => ({
                name: n.code,
                values: [n.ehcPlanPercent, n.nationalEhcPlanPercent, n.senSupportPercent, n.nationalSenSupportPercent],
              }))}
            />
          }
        >
          <ScrollRegion label="Primary need table">
            <table className={styles.table}>
              <ColumnHeaders
                names={['Need', 'EHC plan', '% of EHC plans', 'National', 'SEN support', '% of SEN support', 'National']}
                className={styles.cell}
              />
              <tbody>
                {needs.map((n) => (
                  <tr key={n.code}>
                    <th className={styles.cell} scope="row" title={n.label}>
                      {n.code}
                    </th>
                    <td className={styles.cell}>{n.ehcPlan}</td>
                    <td className={styles.cell}>{pct(n.ehcPlanPercent)}</td>
                    <td className={styles.cell}>{pct(n.nationalEhcPlanPercent)}</td>
                    <td className={styles.cell}>{n.senSupport}</td>
                    <td className={styles.cell}>{pct(n.senSupportPercent)}</td>
                    <td className={styles.cell}>{pct(n.nationalSenSupportPercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </ChartFigure>
        <Text className={styles.note}>– : DfE gives no national figure for this need here.</Text>
      </section>

      <section className={styles.section} aria-labelledby="register-overlap">
        <h2 id="register-overlap">Overlap with FSM, pupil premium and EAL</h2>
        <SplitTable
          caption="Share of each group"
          rows={[
            ['FSM eligible', a.overlap.fsm],
            ['Pupil premium', a.overlap.pupilPremium],
            ['EAL', a.overlap.eal],
            ['Below 90% attendance', a.attendance.belowNinety],
          ]}
        />
      </section>

      <section className={styles.section} aria-labelledby="register-attendance">
        <h2 id="register-attendance">Below 90% attendance with no plan or open item ({a.attendance.flagged.length})</h2>
        {a.attendance.flagged.length === 0 ? (
          <Text>None.</Text>
        ) : (
          <ul>
            {a.attendance.flagged.map((p) => (
              <li key={p.id}>
                {p.initials} ({year(p.yearGroup)}): {p.attendancePercent}%
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function signed(n: number | null): string {
  return n === null ? 'unknown' : n > 0 ? `+${n}` : String(n);
}

function SplitTable({ caption, rows }: { caption: string; rows: [string, StatusSplit | null][] }) {
  const styles = useRegisterStyles();
  const cell = (s: StatusSplit['ehcPlan']) => `${pct(s.percent)}${s.nationalPercent === null ? '' : ` (national ${s.nationalPercent}%)`}`;
  return (
    <ScrollRegion label={`${caption} table`}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <ColumnHeaders names={['Group', 'EHC plan', 'SEN support', 'No SEN']} className={styles.cell} />
        <tbody>
          {rows.map(([label, s]) => (
            <tr key={label}>
              <th className={styles.cell} scope="row">
                {label}
              </th>
              {s === null ? (
                // Not "0%": the file had no such column, so nothing is known either way.
                <td className={styles.cell} colSpan={3}>
                  Not in the file
                </td>
              ) : (
                <>
                  <td className={styles.cell}>{cell(s.ehcPlan)}</td>
                  <td className={styles.cell}>{cell(s.senSupport)}</td>
                  <td className={styles.cell}>{cell(s.noSen)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
