import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { useRegisterStyles } from '@tab/Register/Register.styles';
import { createRolesApi } from '@tab/Roles/roles-api';
import { RoleHistory, RoleTable } from '@tab/Roles/RoleTables';
import { SetRoleForm, type SetRoleFormHandle } from '@tab/Roles/SetRoleForm';

/**
 * Roles (SEND team only): the role words the bot resolves in meeting chats ("SENCO", "attendance
 * lead") and who holds each, set or changed here, with every change kept.
 */
export default function RolesView() {
  const { getToken, api: trackerApi } = useApp();
  const styles = useRegisterStyles();
  const api = useMemo(() => createRolesApi(getToken), [getToken]);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useRef<SetRoleFormHandle>(null);
  const loaded = useLoad(async () => {
    const [roles, changes, known] = await Promise.all([api.list(), api.history(), trackerApi.staff()]);
    // A holder the staff list does not know (e.g. set by another school tool) must still be choosable.
    const staff = [...known];
    for (const r of roles) if (!staff.some((p) => p.id === r.person.id)) staff.push(r.person);
    return { roles, changes, staff };
  }, saved ?? '');

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner label="Loading roles…" />;
  const { roles, changes, staff } = loaded.data;
  return (
    <div>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="roles-table">
        <h2 id="roles-table">Who holds each role</h2>
        <p className={styles.note}>
          When a meeting chat names a role (“the attendance lead will call home”), the bot gives the action to its holder here.
        </p>
        {roles.length === 0 ? (
          <p>No roles yet: set the first below.</p>
        ) : (
          <RoleTable roles={roles} onChange={(r) => form.current?.change(r.role, r.person.id)} />
        )}
      </section>
      <section className={styles.section}>
        <SetRoleForm
          ref={form}
          api={api}
          staff={staff}
          // The time keeps the message (and so the reload) new when the same role is set twice.
          onSaved={(r) =>
            setSaved(
              `${r.role} is now held by ${r.person.name}. Saved ${new Date(r.updatedAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })}.`,
            )
          }
        />
      </section>
      <section className={styles.section} aria-labelledby="roles-history">
        <h2 id="roles-history">History</h2>
        {changes.length === 0 ? <p>No changes yet.</p> : <RoleHistory changes={changes} />}
      </section>
    </div>
  );
}
