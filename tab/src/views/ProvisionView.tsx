import { Button, Field, Input, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { CostedTerm } from '@/api-types';
import { DateField } from '@tab/components/DateField/DateField';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { dateHint } from '@tab/components/DateHint/date-hint';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { HourlyRatesForm } from '@tab/Interventions/HourlyRatesForm';
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
  narrow: { maxWidth: '10rem' },
});

const SOURCE_NOTE: Record<CostedTerm['source'], string> = {
  'school calendar': 'Term dates from the school calendar.',
  estimate: 'Estimated term dates: correct them to your school’s.',
  chosen: 'Term dates as you gave them.',
};

/**
 * The provision map (SEND team only): this term's provision with staff hours and cost, and its CSV.
 * The server picks the term (from the school calendar, or an estimate) and the saved hourly rates;
 * dates typed here choose another term without saving it.
 */
export default function ProvisionView() {
  const { getToken } = useApp();
  const styles = useStyles();
  const api = useMemo(() => createRegisterApi(getToken), [getToken]);
  const [chosen, setChosen] = useState<{ start: string; end: string } | null>(null);
  const [closedWeeks, setClosedWeeks] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [ratesVersion, setRatesVersion] = useState(0);

  const query = useMemo(() => {
    const q: Record<string, string> = {};
    if (chosen) Object.assign(q, { termStart: chosen.start, termEnd: chosen.end });
    if (closedWeeks !== null && closedWeeks !== '') q.closedWeeks = closedWeeks;
    return q;
  }, [chosen, closedWeeks]);
  const loaded = useLoad(() => api.provisionMap(query), `${JSON.stringify(query)}:${ratesVersion}`);
  const map = loaded.data;
  const term = chosen ?? map?.term;

  async function exportCsv() {
    setExportError(null);
    try {
      saveFile(await api.provisionCsv(query), `provision-map-${map!.term.start}.csv`);
    } catch (error) {
      setExportError(error);
    }
  }

  if (loaded.error !== undefined && !map) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!map || !term) return <Spinner label="Loading the provision map…" />;
  return (
    <section aria-label="Provision map">
      <div className={styles.bar}>
        <DateField
          label="Term starts"
          hint={dateHint(term.start)}
          value={term.start}
          onChange={(value) => setChosen({ ...term, start: value })}
        />
        <DateField label="Term ends" hint={dateHint(term.end)} value={term.end} onChange={(value) => setChosen({ ...term, end: value })} />
        <Field label="Weeks closed (half-term)">
          <Input
            type="number"
            min={0}
            max={4}
            value={closedWeeks ?? String(map.term.closedWeeks)}
            onChange={(_, d) => setClosedWeeks(d.value)}
            className={styles.narrow}
          />
        </Field>
      </div>
      <p>{SOURCE_NOTE[map.term.source]}</p>
      <HourlyRatesForm api={api} saved={map.hourlyRates} onSaved={() => setRatesVersion((v) => v + 1)} />
      {loaded.error !== undefined ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <>
          <p>
            <Button onClick={() => void exportCsv()}>Export CSV</Button>
          </p>
          {exportError !== null && <p role="alert">{friendlyMessage(exportError)}</p>}
          {map.rows.length === 0 ? <p>No provision running in this term.</p> : <ProvisionMapTable map={map} />}
        </>
      )}
    </section>
  );
}
