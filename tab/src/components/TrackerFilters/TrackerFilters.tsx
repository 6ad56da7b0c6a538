import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { ActionFilters } from '@/kernel/action-view';
import { ITEM_TYPES, ITEM_TYPE_LABELS, type ItemType } from '@/kernel/item-type';
import { STATUS_LABELS, type Status } from '@/kernel/status';
import { useTrackerFiltersStyles } from './TrackerFilters.styles';
import { dateHint } from '../DateHint/date-hint';

export interface Option {
  id: string;
  name: string;
}

export interface TrackerFiltersProps {
  filters: ActionFilters;
  search: string;
  pupils: readonly Option[];
  owners: readonly Option[];
  /** The statuses this list can hold: open ones in the tracker, done/parked in the archive. */
  statuses: readonly Status[];
  /** Hide the owner filter (My actions is already one owner). */
  hideOwner?: boolean;
  onChange: (filters: ActionFilters, search: string) => void;
}

/** Pupil, owner, item type, status, due range and search; every control labelled. */
export function TrackerFilters({ filters, search, pupils, owners, statuses, hideOwner, onChange }: TrackerFiltersProps) {
  const styles = useTrackerFiltersStyles();
  const set = (patch: Partial<ActionFilters>) => onChange({ ...filters, ...patch }, search);
  return (
    <div className={styles.bar} role="search" aria-label="Filter items">
      <Field label="Search" className={styles.search}>
        <Input type="search" value={search} onChange={(_, d) => onChange(filters, d.value)} placeholder="Action, pupil or owner" />
      </Field>
      <Field label="Pupil">
        <Select value={filters.pupilId ?? ''} onChange={(_, d) => set({ pupilId: d.value || undefined })}>
          <option value="">All pupils</option>
          {pupils.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
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
          {ITEM_TYPES.map((t) => (
            <option key={t} value={t}>
              {ITEM_TYPE_LABELS[t]}
            </option>
          ))}
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
      <Field label="Due from" hint={dateHint(filters.dueFrom)}>
        <Input type="date" value={filters.dueFrom ?? ''} onChange={(_, d) => set({ dueFrom: d.value || undefined })} />
      </Field>
      <Field label="Due to" hint={dateHint(filters.dueTo)}>
        <Input type="date" value={filters.dueTo ?? ''} onChange={(_, d) => set({ dueTo: d.value || undefined })} />
      </Field>
      <Button onClick={() => onChange({}, '')}>Clear filters</Button>
    </div>
  );
}
