import { Button, Field, Input, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { DateField } from '@tab/components/DateField/DateField';
import { STAFF_ROLES, type StaffRole } from '@/kernel/intervention';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { dateHint } from '@tab/components/DateHint/date-hint';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { defaultTerm } from '@tab/Interventions/default-term';
import { ProvisionMapTable } from '@tab/Interventions/ProvisionMapTable';
import { createRegisterApi } from '@tab/Register/register-api';
import { saveFile } from './download';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  rate: { maxWidth: '10rem' },
});

const ROLE_LABELS: Record<StaffRole, string> = {
  teaching_assistant: 'Teaching assistant',
  teacher: 'Teacher',
  senco: 'SENCO',
  external: 'External',
};

/** The provision map (SEND team only): this term's provision with staff hours and cost, and its CSV. */
export default function ProvisionView() {
  const { getToken, today } = useApp();
  const styles = useStyles();
  const api = useMemo(() => createRegisterApi(getToken), [getToken]);
  const [term, setTerm] = useState(() => defaultTerm(today));
  const [closedWeeks, setClosedWeeks] = useState('1');
  const [rates, setRates] = useState<Partial<Record<StaffRole, string>>>({});
  const [exportError, setExportError] = useState<unknown>(null);

  const query = useMemo(() => {
    const q: Record<string, string> = { termStart: term.start, termEnd: term.end };
    if (closedWeeks !== '') q.closedWeeks = closedWeeks;
    const given = STAFF_ROLES.filter((r) => rates[r]?.trim()).map((r) => `${r}:${rates[r]!.trim()}`);
    if (given.length > 0) q.rates = given.join(',');
    return q;
  }, [term, closedWeeks, rates]);
  const loaded = useLoad(() => api.provisionMap(query), JSON.stringify(query));

  async function exportCsv() {
    setExportError(null);
    try {
      saveFile(await api.provisionCsv(query), `provision-map-${term.start}.csv`);
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <section aria-label="Provision map">
      <div className={styles.bar}>
        <DateField
          label="Term starts"
          hint={dateHint(term.start)}
          value={term.start}
          onChange={(value) => setTerm({ ...term, start: value })}
        />
        <DateField label="Term ends" hint={dateHint(term.end)} value={term.end} onChange={(value) => setTerm({ ...term, end: value })} />
        <Field label="Weeks closed (half-term)">
          <Input type="number" min={0} max={4} value={closedWeeks} onChange={(_, d) => setClosedWeeks(d.value)} className={styles.rate} />
        </Field>
        {STAFF_ROLES.map((role) => (
          <Field key={role} label={`${ROLE_LABELS[role]} £/hour`}>
            <Input
              type="number"
              min={0}
              step={0.5}
              value={rates[role] ?? ''}
              onChange={(_, d) => setRates({ ...rates, [role]: d.value })}
              className={styles.rate}
            />
          </Field>
        ))}
      </div>
      {loaded.error !== undefined ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Spinner label="Loading the provision map…" />
      ) : (
        <>
          <p>
            <Button onClick={() => void exportCsv()}>Export CSV</Button>
          </p>
          {exportError !== null && <p role="alert">{friendlyMessage(exportError)}</p>}
          {loaded.data.rows.length === 0 ? <p>No provision running in this term.</p> : <ProvisionMapTable map={loaded.data} />}
        </>
      )}
    </section>
  );
}
