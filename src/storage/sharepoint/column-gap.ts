import type { ColumnSpec } from './list-schema';

/** A column as Graph lists it, with what provisioning and the doctor compare. */
export interface FoundColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { textType?: string };
}

/**
 * What a site's column lacks against its spec, if anything: the column itself, its index (or, for a
 * claim key, uniqueness, which needs the index), or plain text for a column holding JSON.
 * One answer for `npm run provision` (which mends it) and `npm run doctor` (which only says so).
 */
export function columnGap(spec: ColumnSpec, found: FoundColumn | undefined): 'missing' | 'index' | 'plain' | null {
  if (!found) return 'missing';
  if ((spec.indexed && !found.indexed) || (spec.unique && !found.enforceUniqueValues)) return 'index';
  if (spec.kind === 'note' && found.text?.textType !== 'plain') return 'plain';
  return null;
}
