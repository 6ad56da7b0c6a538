import { Button } from '@fluentui/react-components';
import { WHY_UNREACHED, type UnreachedNow } from '@/api-types';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

/**
 * The owners the last run could not message in their personal chat: why, how many items that held
 * up, and (where this server can) a button to install the app for them.
 */
export function UnreachedTable({
  people,
  canInstall,
  busy,
  onInstall,
}: {
  people: UnreachedNow[];
  canInstall: boolean;
  /** The person whose install is under way, if any. */
  busy: string | null;
  onInstall: (person: UnreachedNow) => void;
}) {
  const styles = useSimpleTableStyles();
  return (
    <table className={styles.table}>
      <caption>Owners the bot could not message directly at the last run</caption>
      <ColumnHeaders names={['Owner', 'Why', 'Items', 'What to do']} className={styles.cell} />
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <th className={styles.cell} scope="row">
              {p.name}
            </th>
            <td className={styles.cell}>{WHY_UNREACHED[p.reason]}</td>
            <td className={styles.cell}>{p.items}</td>
            <td className={styles.cell}>
              {p.reachableNow ? (
                'The bot can message them now: their next reminder goes to their personal chat.'
              ) : canInstall ? (
                <Button size="small" disabled={busy !== null} onClick={() => onInstall(p)}>
                  {busy === p.id ? 'Installing…' : `Install the app for ${p.name}`}
                </Button>
              ) : (
                'Ask them to open SEND Tracker in Teams once.'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
