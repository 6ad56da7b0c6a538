import { yearLabel } from '@/kernel/pupil-label';
import { sameRecord, type PupilRecord, type PupilRecordFields } from '@/kernel/pupil-record';

/** Enough names for the person to recognise the file is partial; the count says how many in all. */
const MAX_NAMED = 100;

/** A pupil on roll whom the file does not list, as the SEND team knows them. */
export interface MissingPupil {
  name: string;
  year: string;
}

/** What importing a file would do, worked out before anything is written. */
export interface ImportChanges {
  created: number;
  updated: number;
  unchanged: number;
  /**
   * Pupils on roll that the file does not list. They are marked as left only when the person
   * confirms this count (a file of five pupils is not the whole roll unless they say so).
   */
  notInFile: { count: number; pupils: MissingPupil[] };
}

/**
 * The same decisions the stores make on import (by UPN; a pupil back on roll is an update), so the
 * count the person confirms is the count the import applies. `current` includes pupils off roll.
 */
export function planImport(current: readonly PupilRecord[], records: readonly PupilRecordFields[]): ImportChanges {
  const byUpn = new Map(current.map((p) => [p.upn, p]));
  const changes: ImportChanges = { created: 0, updated: 0, unchanged: 0, notInFile: { count: 0, pupils: [] } };
  for (const fields of records) {
    const stored = byUpn.get(fields.upn);
    if (!stored) changes.created++;
    else if (stored.onRoll && sameRecord(stored, { ...fields, id: stored.id, onRoll: true, importedAt: stored.importedAt }))
      changes.unchanged++;
    else changes.updated++;
  }
  const inFile = new Set(records.map((r) => r.upn));
  const missing = current.filter((p) => p.onRoll && !inFile.has(p.upn));
  changes.notInFile = {
    count: missing.length,
    pupils: missing.slice(0, MAX_NAMED).map((p) => ({ name: `${p.forename} ${p.surname}`, year: yearLabel(p.yearGroup) })),
  };
  return changes;
}
