import { Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { VIEW_LABELS, type ViewName } from '@tab/navigation/route';

const useStyles = makeStyles({ page: { padding: tokens.spacingVerticalL, maxWidth: '640px' } });

const CHOICES: ViewName[] = ['tracker', 'check-in', 'archive'];

/** The tab URL Teams stores for a channel/meeting tab showing `view`. */
export function tabContentUrl(origin: string, view: ViewName): string {
  return `${origin}/tab/?view=${view}`;
}

/**
 * The channel tab configuration page (`/tab/config`): pick the view, then Teams' Save stores the
 * tab's content URL. Saving is only possible inside Teams.
 */
export default function ConfigView({ inTeams }: { inTeams: boolean }) {
  const styles = useStyles();
  const [view, setView] = useState<ViewName>('tracker');

  useEffect(() => {
    if (!inTeams) return;
    let cancelled = false;
    void import('@microsoft/teams-js').then(({ pages }) => {
      if (cancelled) return;
      pages.config.registerOnSaveHandler((saveEvent) => {
        const contentUrl = tabContentUrl(window.location.origin, view);
        pages.config
          .setConfig({
            contentUrl,
            websiteUrl: contentUrl,
            entityId: `send-tracker-${view}`,
            suggestedDisplayName: `SEND ${VIEW_LABELS[view]}`,
          })
          .then(
            () => saveEvent.notifySuccess(),
            (error: unknown) => saveEvent.notifyFailure(String(error)),
          );
      });
      pages.config.setValidityState(true);
    });
    return () => {
      cancelled = true;
    };
  }, [inTeams, view]);

  return (
    <main className={styles.page}>
      <h1>Add SEND Tracker to this channel</h1>
      <p>Choose what the tab shows. Everyone in the channel sees only the items they are allowed to see.</p>
      <Field label="Show">
        <RadioGroup value={view} onChange={(_, d) => setView(d.value as ViewName)}>
          {CHOICES.map((c) => (
            <Radio key={c} value={c} label={VIEW_LABELS[c]} />
          ))}
        </RadioGroup>
      </Field>
      {!inTeams && <p role="status">Open this page from Teams (Add a tab) to save it.</p>}
    </main>
  );
}
