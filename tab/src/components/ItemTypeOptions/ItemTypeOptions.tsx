import { ITEM_TYPE_LABELS, ITEM_TYPES } from '@/kernel/item-type';

/** Every item type as `<option>`s, in the kernel's order and words, for any type picker. */
export function ItemTypeOptions() {
  return (
    <>
      {ITEM_TYPES.map((t) => (
        <option key={t} value={t}>
          {ITEM_TYPE_LABELS[t]}
        </option>
      ))}
    </>
  );
}
