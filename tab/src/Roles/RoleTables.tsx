import { Button } from '@fluentui/react-components';
import type { RoleAssignment, RoleChange } from '@/kernel/ports/role-directory';
import { useRegisterStyles } from '@tab/Register/Register.styles';
import { formatDateTime } from '@/kernel/dates';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';

/** Who holds each role word now, with a Change button per row. Presenter only. */
export function RoleTable({ roles, onChange }: { roles: readonly RoleAssignment[]; onChange: (role: RoleAssignment) => void }) {
  const styles = useRegisterStyles();
  return (
    <table className={styles.table}>
      <caption>Roles the bot recognises ({roles.length})</caption>
      <ColumnHeaders names={['Role', 'Held by', 'Set by', 'Since', 'Change']} className={styles.cell} />
      <tbody>
        {roles.map((r) => (
          <tr key={r.role}>
            <th className={styles.cell} scope="row">
              {r.role}
            </th>
            <td className={styles.cell}>{r.person.name}</td>
            <td className={styles.cell}>{r.updatedBy.name}</td>
            <td className={styles.cell}>{formatDateTime(r.updatedAt)}</td>
            <td className={styles.cell}>
              <Button size="small" aria-label={`Change who holds ${r.role}`} onClick={() => onChange(r)}>
                Change
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every change to the role table, newest first: who changed which role, from whom to whom, when. */
export function RoleHistory({ changes }: { changes: readonly RoleChange[] }) {
  const styles = useRegisterStyles();
  const newestFirst = [...changes].reverse();
  return (
    <table className={styles.table}>
      <caption>Changes to the roles, newest first ({changes.length})</caption>
      <ColumnHeaders names={['When', 'Role', 'Now held by', 'Before', 'Changed by']} className={styles.cell} />
      <tbody>
        {newestFirst.map((c, i) => (
          <tr key={`${c.at}|${c.role}|${i}`}>
            <td className={styles.cell}>{formatDateTime(c.at)}</td>
            <th className={styles.cell} scope="row">
              {c.role}
            </th>
            <td className={styles.cell}>{c.person.name}</td>
            <td className={styles.cell}>{c.previous?.name ?? '(new role)'}</td>
            <td className={styles.cell}>{c.actor.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
