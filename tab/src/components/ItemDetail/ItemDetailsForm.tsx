import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { DateField } from '../DateField/DateField';
import { ItemTypeOptions } from '../ItemTypeOptions/ItemTypeOptions';
import { PupilOptions } from '../PupilOptions/PupilOptions';
import { useState } from 'react';
import type { Action, ActionPatch, Pupil } from '@/kernel/action';
import type { ItemType } from '@/kernel/item-type';
import { useApp } from '@tab/app-context';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '../FormProblems/form-problems';
import { counter } from '../FormProblems/text-counter';
import { useItemDetailStyles } from './ItemDetail.styles';
import type { ItemChangeRunner } from './use-item-changes';

/** The longest description the API takes (kernel/action.ts): the counter says so before anyone types more. */
export const DESCRIPTION_MAX = 500;

const FIELDS = ['description', 'itemType', 'pupil', 'dueDate', 'nextReviewDate'] as const;

export interface ItemDetailsFormProps {
  action: Action;
  /** Pupils to move the item to (those the viewer's items already name, and this one's own). */
  pupils: readonly Pupil[];
  busy: boolean;
  run: ItemChangeRunner;
}

/**
 * What was agreed, corrected after saving: the wording, type, pupil, due date and next review. One
 * Save sends only what changed; a refusal is shown beside the field it is about.
 */
export function ItemDetailsForm({ action, pupils, busy, run }: ItemDetailsFormProps) {
  const { api } = useApp();
  const styles = useItemDetailStyles();
  const [description, setDescription] = useState(action.description);
  const [itemType, setItemType] = useState<ItemType>(action.itemType);
  const [pupilId, setPupilId] = useState(action.pupil.id);
  const [dueDate, setDueDate] = useState<string>(action.dueDate);
  const [nextReview, setNextReview] = useState<string>(action.nextReviewDate ?? '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const choices = pupils.some((p) => p.id === action.pupil.id) ? pupils : [action.pupil, ...pupils];

  const patch: ActionPatch = {
    ...(description.trim() !== action.description && { description: description.trim() }),
    ...(itemType !== action.itemType && { itemType }),
    ...(pupilId !== action.pupil.id && { pupil: choices.find((p) => p.id === pupilId) }),
    ...(dueDate !== action.dueDate && { dueDate }),
    ...(nextReview !== (action.nextReviewDate ?? '') && { nextReviewDate: nextReview || null }),
  };
  const changed = Object.keys(patch).length > 0;

  const save = () => {
    setProblems(NO_PROBLEMS);
    void run(
      (a) => api.update(a.id, a.version, patch),
      'Details saved.',
      (error) => {
        const found = formProblems(error, FIELDS, 'patch');
        if (Object.keys(found.byField).length === 0) return false;
        setProblems(found);
        return true;
      },
    );
  };

  return (
    <section className={styles.section} aria-labelledby="details-heading">
      <h3 id="details-heading" className={styles.heading}>
        Details
      </h3>
      <Field label="Action" hint={counter(description, DESCRIPTION_MAX)} {...fieldState(problems, 'description')}>
        <Textarea value={description} maxLength={DESCRIPTION_MAX} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Field label="Type" {...fieldState(problems, 'itemType')}>
          <Select value={itemType} onChange={(_, d) => setItemType(d.value as ItemType)}>
            <ItemTypeOptions />
          </Select>
        </Field>
        <Field label="Pupil" {...fieldState(problems, 'pupil')}>
          <Select value={pupilId} onChange={(_, d) => setPupilId(d.value)}>
            <PupilOptions pupils={choices} />
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <DateField label="Due date" {...fieldState(problems, 'dueDate')} value={dueDate} onChange={setDueDate} />
        <DateField
          label="Next review"
          hint="Leave empty for none"
          {...fieldState(problems, 'nextReviewDate')}
          value={nextReview}
          onChange={setNextReview}
        />
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !changed} onClick={save}>
          Save details
        </Button>
      </div>
    </section>
  );
}
