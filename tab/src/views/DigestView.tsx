import { Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ApiError } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { createDigestApi } from '@tab/Digest/digest-api';
import { DigestOutbox } from '@tab/Digest/DigestOutbox';
import { sandboxedSrcDoc } from '@tab/Digest/sandboxed-html';
import { useRegisterStyles } from '@tab/Register/Register.styles';

// The email is designed on white (as Outlook shows it), whatever the tab's theme.
const useStyles = makeStyles({
  frame: {
    width: '100%',
    maxWidth: '760px',
    // Until the email has loaded and been measured (see fitToContent).
    height: '640px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#ffffff',
  },
});

/**
 * The frame as tall as the whole email, so it reads top to bottom with the tab's own scroll. Reading
 * its height needs `allow-same-origin`; with no `allow-scripts` and the CSP in the document, nothing
 * in the email can run or load, so that grants the email nothing.
 */
function fitToContent(frame: HTMLIFrameElement) {
  const height = frame.contentDocument?.documentElement.scrollHeight;
  if (height) frame.style.height = `${height + 2}px`;
}

/** The weekly digest (SEND team only): any recipient's email for this week, and the outbox. */
export default function DigestView() {
  const { api, getToken, me } = useApp();
  const styles = useStyles();
  const sections = useRegisterStyles();
  const digest = useMemo(() => createDigestApi(getToken), [getToken]);
  const staff = useLoad(() => api.staff(), 'staff');
  const [chosen, setChosen] = useState<string | null>(null);
  const recipient = chosen ?? me?.id ?? '';
  const preview = useLoad(async () => (recipient ? digest.preview(recipient) : null), recipient);
  const outbox = useLoad(() => digest.outbox(), 'outbox');
  const name = staff.data?.find((p) => p.id === recipient)?.name ?? 'this person';
  // A 404 here is not a fault: the person simply has nothing this week.
  const nothing = preview.error instanceof ApiError && preview.error.status === 404;

  return (
    <div>
      <section className={sections.section} aria-labelledby="digest-preview">
        <h2 id="digest-preview">This week’s digest</h2>
        {staff.error !== undefined ? (
          <ErrorNotice error={staff.error} onRetry={staff.reload} />
        ) : (
          <Field label="Recipient">
            <Select value={recipient} onChange={(_, d) => setChosen(d.value)}>
              <option value="">Choose a member of staff</option>
              {(staff.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {nothing ? (
          <MessageBar intent="info" role="status">
            <MessageBarBody>Nothing to report for {name} this week: no digest is sent to them.</MessageBarBody>
          </MessageBar>
        ) : preview.error !== undefined ? (
          <ErrorNotice error={preview.error} onRetry={preview.reload} />
        ) : preview.loading ? (
          <Spinner label="Loading the preview…" />
        ) : preview.data ? (
          <iframe
            title={`Weekly digest for ${name}`}
            sandbox="allow-same-origin"
            srcDoc={sandboxedSrcDoc(preview.data)}
            className={styles.frame}
            onLoad={(e) => fitToContent(e.currentTarget)}
          />
        ) : null}
      </section>
      <section className={sections.section} aria-labelledby="digest-outbox">
        <h2 id="digest-outbox">Outbox</h2>
        {outbox.error !== undefined ? (
          <ErrorNotice error={outbox.error} onRetry={outbox.reload} />
        ) : !outbox.data ? (
          <Spinner label="Loading the outbox…" />
        ) : (
          <DigestOutbox mode={outbox.data.mode} messages={outbox.data.messages} />
        )}
      </section>
    </div>
  );
}
