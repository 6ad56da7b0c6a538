import { Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { PHASE_TRANSFERS, PHASE_TRANSFER_LABELS, type EhcPlanDetails, type PhaseTransferKind } from '@/kernel/ehc-plan';
import { DateField } from '@tab/components/DateField/DateField';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import { useFormStyles } from '@tab/components/FormProblems/Form.styles';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';

const FIELDS = ['localAuthority', 'requestDate', 'issueDate', 'lastReviewDate', 'nextReviewDate', 'phaseTransfer'] as const;

const EMPTY: EhcPlanDetails = {
  localAuthority: '',
  requestDate: null,
  issueDate: null,
  lastReviewDate: null,
  nextReviewDate: null,
  phaseTransfer: null,
};

export interface EhcPlanFormProps {
  initial: EhcPlanDetails | null;
  /** Resolves when saved; rejects with the server's problems, shown beside their fields. */
  onSave: (details: EhcPlanDetails) => Promise<void>;
}

/** The dates the statutory clock runs from. Only dates the school knows: the plan itself is the local authority's. */
export function EhcPlanForm({ initial, onSave }: EhcPlanFormProps) {
  const styles = useFormStyles();
  const [details, setDetails] = useState<EhcPlanDetails>(initial ?? EMPTY);
  const [transferYear, setTransferYear] = useState(initial?.phaseTransfer ? String(initial.phaseTransfer.year) : '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const date = (field: 'requestDate' | 'issueDate' | 'lastReviewDate' | 'nextReviewDate') => ({
    value: details[field] ?? '',
    onChange: (value: string) => setDetails((d) => ({ ...d, [field]: value || null })),
    ...fieldState(problems, field),
  });
  const transferKind = details.phaseTransfer?.to ?? '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const kind = transferKind as PhaseTransferKind | '';
      // A year left empty is sent as missing, so the server names the field rather than taking 0.
      const phaseTransfer = kind ? { to: kind, year: (transferYear.trim() === '' ? undefined : Number(transferYear)) as number } : null;
      await onSave({ ...details, phaseTransfer });
    } catch (error) {
      setProblems(formProblems(error, FIELDS, 'details'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="EHC plan dates">
      <div className={styles.grid}>
        <Field label="Local authority" required {...fieldState(problems, 'localAuthority')}>
          <Input value={details.localAuthority} onChange={(_, d) => setDetails((p) => ({ ...p, localAuthority: d.value }))} />
        </Field>
        <DateField label="Assessment requested" hint="Leave empty if not known" {...date('requestDate')} />
        <DateField label="Final plan issued" hint="Empty while the assessment runs" {...date('issueDate')} />
        <DateField label="Last annual review held" {...date('lastReviewDate')} />
        <DateField label="Next annual review booked for" hint="Empty: not booked yet" {...date('nextReviewDate')} />
        <Field
          label="Phase transfer"
          hint="The plan must be amended by 15 February, or 31 March for post-16"
          {...fieldState(problems, 'phaseTransfer')}
        >
          <Select
            value={transferKind}
            onChange={(_, d) =>
              setDetails((p) => ({
                ...p,
                phaseTransfer: d.value ? { to: d.value as PhaseTransferKind, year: p.phaseTransfer?.year ?? Number(transferYear) } : null,
              }))
            }
          >
            <option value="">No move this year</option>
            {PHASE_TRANSFERS.map((kind) => (
              <option key={kind} value={kind}>
                {PHASE_TRANSFER_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        {transferKind && (
          <Field label="September of the move (year)" required>
            <Input type="number" inputMode="numeric" value={transferYear} onChange={(_, d) => setTransferYear(d.value)} />
          </Field>
        )}
      </div>
      <FormFooter problem={problems.general} busy={busy} submitLabel="Save plan dates" />
    </form>
  );
}
