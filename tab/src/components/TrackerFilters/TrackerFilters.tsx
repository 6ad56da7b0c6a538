import { Button, Field, Input, Select } from '@fluentui/react-components';
import { DateField } from '../DateField/DateField';
import { ItemTypeOptions } from '../ItemTypeOptions/ItemTypeOptions';
import { PupilOptions } from '../PupilOptions/PupilOptions';
import { useState } from 'react';
import type { Pupil } from '@/kernel/action';
import type { ActionFilters } from '@/kernel/action-view';
import type { ItemType } from '@/kernel/item-type';
import { STATUS_LABELS, type Status } from '@/kernel/status';
import { useTrackerFiltersStyles } from './TrackerFilters.styles';
import { dateHint } from '../DateHint/date-hint';
import { useNarrow } from '../Narrow/use-narrow';

export interface Option {
  id: string;
  name: string;
}

export interface TrackerFiltersProps {
  filters: ActionFilters;
  search: string;
  pupils: readonly Pupil[];
  owners: readonly Option[];
  /** The statuses this list can hold: open ones in the tracker, done/parked in the archive. */
  statuses: readonly Status[];
  /** Hide the owner filter (My actions is already one owner). */
  hideOwner?: boolean;
  onChange: (filters: ActionFilters, search: string) => void;
}

/**
 * Search, pupil, owner, item type, status and due range; every control labelled. On a narrow screen
 * only the search shows, and the rest fold behind one "Filters" button that says how many are set.
 */
export function TrackerFilters({ filters, search, pupils, owners, statuses, hideOwner, onChange }: TrackerFiltersProps) {
  const styles = useTrackerFiltersStyles();
  const narrow = useNarrow();
  const [unfolded, setUnfolded] = useState(false);
  const set = (patch: Partial<ActionFilters>) => onChange({ ...filters, ...patch }, search);
  const active = Object.values(filters).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)).length;
  const showAll = !narrow || unfolded;
  return (
    <div className={styles.bar} role="search" aria-label="Filter items">
      <Field label="Search" className={styles.search}>
        <Input type="search" value={search} onChange={(_, d) => onChange(filters, d.value)} placeholder="Action, pupil or owner" />
      </Field>
      {narrow && (
        <Button aria-expanded={unfolded} aria-controls="tracker-filters" onClick={() => setUnfolded((u) => !u)}>
          {active ? `Filters (${active})` : 'Filters'}
        </Button>
      )}
      {showAll && (
        <div id="tracker-filters" className={styles.fields}>
          <FilterFields filters={filters} pupils={pupils} owners={owners} statuses={statuses} hideOwner={hideOwner} set={set} />
          <Button onClick={() => onChange({}, '')}>Clear filters</Button>
        </div>
      )}
    </div>
  );
}

function FilterFields({
  filters,
  pupils,
  owners,
  statuses,
  hideOwner,
  set,
}: Pick<TrackerFiltersProps, 'filters' | 'pupils' | 'owners' | 'statuses' | 'hideOwner'> & {
  set: (patch: Partial<ActionFilters>) => void;
}) {
  return (
    <>
      <Field label="Pupil">
        <Select value={filters.pupilId ?? ''} onChange={(_, d) => set({ pupilId: d.value || undefined })}>
          <option value="">All pupils</option>
          <PupilOptions pupils={pupils} />
        </Select>
      </Field>
      {!hideOwner && (
        <Field label="Owner">
          <Select value={filters.ownerId ?? ''} onChange={(_, d) => set({ ownerId: d.value || undefined })}>
            <option value="">Everyone</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Item type">
        <Select value={filters.itemType ?? ''} onChange={(_, d) => set({ itemType: (d.value || undefined) as ItemType | undefined })}>
          <option value="">All types</option>
          <ItemTypeOptions />
        </Select>
      </Field>
      <Field label="Status">
        <Select
          value={filters.statuses?.length === 1 ? filters.statuses[0] : ''}
          onChange={(_, d) => set({ statuses: d.value ? [d.value as Status] : undefined })}
        >
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <DateField
        label="Due from"
        hint={dateHint(filters.dueFrom)}
        value={filters.dueFrom ?? ''}
        onChange={(value) => set({ dueFrom: value || undefined })}
      />
      <DateField
        label="Due to"
        hint={dateHint(filters.dueTo)}
        value={filters.dueTo ?? ''}
        onChange={(value) => set({ dueTo: value || undefined })}
      />
    </>
  );
}
