import { Field, Input, Select } from '@fluentui/react-components';
import { forwardRef, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import type { Person } from '@/kernel/action';
import type { RoleAssignment } from '@/kernel/ports/role-directory';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import { useFormStyles } from '@tab/components/FormProblems/Form.styles';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';
import type { RolesApi } from './roles-api';
import { StaffOptions } from '@tab/components/StaffOptions/StaffOptions';

/** Lets the role table start a change: fills the role word and moves focus to the person. */
export interface SetRoleFormHandle {
  change(role: string, personId: string): void;
}

export interface SetRoleFormProps {
  api: Pick<RolesApi, 'set'>;
  staff: readonly Person[];
  onSaved: (saved: RoleAssignment) => void;
}

/**
 * Give a role word ("attendance lead") to one member of staff, replacing whoever held it. The bot
 * reads role words in meeting chats through this table. The server's problems show beside the fields.
 */
export const SetRoleForm = forwardRef<SetRoleFormHandle, SetRoleFormProps>(function SetRoleForm({ api, staff, onSaved }, ref) {
  const styles = useFormStyles();
  const [role, setRole] = useState('');
  const [personId, setPersonId] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const personRef = useRef<HTMLSelectElement>(null);

  useImperativeHandle(ref, () => ({
    change(nextRole, nextPerson) {
      setRole(nextRole);
      setPersonId(nextPerson);
      setProblems(NO_PROBLEMS);
      personRef.current?.focus();
    },
  }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const person = staff.find((p) => p.id === personId);
    if (!person) {
      setProblems({ byField: { person: 'choose who holds this role' }, general: null });
      return;
    }
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const saved = await api.set(role, person);
      setRole('');
      setPersonId('');
      onSaved(saved);
    } catch (error) {
      setProblems(formProblems(error, ['role', 'person']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="set-role">
      <h2 id="set-role">Set who holds a role</h2>
      <div className={styles.grid}>
        <Field label="Role" required hint="As staff say it in meetings, e.g. “attendance lead”" {...fieldState(problems, 'role')}>
          <Input value={role} onChange={(_, d) => setRole(d.value)} />
        </Field>
        <Field label="Held by" required {...fieldState(problems, 'person')}>
          <Select ref={personRef} value={personId} onChange={(_, d) => setPersonId(d.value)}>
            <option value="">Choose a member of staff</option>
            <StaffOptions staff={staff} />
          </Select>
        </Field>
      </div>
      <FormFooter problem={problems.general} busy={busy} submitLabel="Save role" />
    </form>
  );
});
