import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { CHRONOLOGY_KIND_LABELS, CHRONOLOGY_KINDS, type ChronologyKind } from '@/kernel/chronology';
import { formatDate } from '@/kernel/dates';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { saveFile } from '@tab/views/download';
import { createChronologyApi } from './chronology-api';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: 0 },
  list: {
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalM} 0`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  event: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * Everything the app knows happened to a register pupil, newest first (SEND team): filter by kind,
 * open an item, download the list as Word for an annual review meeting.
 */
export default function PupilChronology({ pupilId }: { pupilId: string }) {
  const { getToken, openItem, dataVersion } = useApp();
  const styles = useStyles();
  const api = useMemo(() => createChronologyApi(getToken), [getToken]);
  const [kinds, setKinds] = useState<ChronologyKind[]>([...CHRONOLOGY_KINDS]);
  const [problem, setProblem] = useState<string | null>(null);
  const loaded = useLoad(
    () => (kinds.length ? api.events(pupilId, kinds) : Promise.resolve([])),
    `${pupilId}:${kinds.join()}:${dataVersion}`,
  );
  const toggle = (kind: ChronologyKind, on: boolean) => setKinds((k) => CHRONOLOGY_KINDS.filter((x) => (x === kind ? on : k.includes(x))));

  async function download() {
    setProblem(null);
    try {
      const file = await api.docx(pupilId, kinds);
      saveFile(file.blob, file.filename);
    } catch (error) {
      setProblem(friendlyMessage(error));
    }
  }

  return (
    <section aria-labelledby="pupil-chronology">
      <h2 id="pupil-chronology">Chronology</h2>
      <fieldset className={styles.filters}>
        <legend>Show</legend>
        {CHRONOLOGY_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            label={CHRONOLOGY_KIND_LABELS[kind]}
            checked={kinds.includes(kind)}
            onChange={(_, d) => toggle(kind, d.checked === true)}
          />
        ))}
      </fieldset>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.error !== undefined ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Spinner label="Loading the chronology…" />
      ) : loaded.data.length === 0 ? (
        <p>{kinds.length ? 'Nothing of these kinds recorded yet.' : 'Choose at least one kind to show.'}</p>
      ) : (
        <ol className={styles.list} aria-label="Chronology, newest first">
          {loaded.data.map((e, i) => (
            <li key={`${e.date}-${e.title}-${i}`} className={styles.event}>
              <p className={styles.title}>
                {formatDate(e.date)}: {e.title}
              </p>
              {e.detail && <p className={styles.meta}>{e.detail}</p>}
              <p className={styles.meta}>
                {CHRONOLOGY_KIND_LABELS[e.kind]}
                {e.by ? ` · recorded by ${e.by}` : ''}
                {e.itemId && (
                  <>
                    {' · '}
                    <Button size="small" appearance="transparent" onClick={() => openItem(e.itemId!)} aria-label={`Open item: ${e.title}`}>
                      Open item
                    </Button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Button disabled={kinds.length === 0} onClick={() => void download()}>
        Download for the annual review (Word)
      </Button>
    </section>
  );
}
