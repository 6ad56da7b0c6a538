import { formatDateTime } from '@/kernel/dates';
import type { OutboxEntry } from '@/kernel/ports/mail-sender';
import { useRegisterStyles } from '@tab/Register/Register.styles';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';

/** The emails the digest has written (embedded mode), newest first; tenant mode explains there is none. */
export function DigestOutbox({ mode, messages }: { mode: 'embedded' | 'tenant'; messages: OutboxEntry[] }) {
  const styles = useRegisterStyles();
  if (mode === 'tenant') return <p>Digests are sent through Microsoft 365: see the sending mailbox’s Sent Items.</p>;
  if (messages.length === 0) return <p>No digest emails written yet. They are written when the weekly digest runs.</p>;
  return (
    <table className={styles.table}>
      <caption>Emails written to the outbox folder ({messages.length}); open an .eml file in Outlook</caption>
      <ColumnHeaders names={['File', 'Written', 'Size']} className={styles.cell} />
      <tbody>
        {messages.map((m) => (
          <tr key={m.file}>
            <th className={styles.cell} scope="row">
              {m.file}
            </th>
            <td className={styles.cell}>{formatDateTime(m.writtenAt)}</td>
            <td className={styles.cell}>{Math.max(1, Math.round(m.bytes / 1024))} KB</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
