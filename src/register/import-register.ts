import {
  parseRegister,
  previewImport,
  readMisTable,
  type EhcDatesFromMis,
  type ImportPreview,
  type MisFile,
  type ParsedRegister,
} from './mis-import';
import { planImport, type ImportChanges } from './plan-import';
import { classifyUpload } from './file-kind';
import { ConflictError } from '@/kernel/errors';
import type { Importer, RegisterRepository, UpsertResult } from '@/kernel/ports/register-repository';
import type { RegisterSnapshot } from '@/kernel/register-snapshot';

/** The file as the REST API carries it (bytes as base64). */
export type UploadedFile = { format: 'csv'; text: string } | { format: 'file' | 'xlsx'; base64: string };

/** @throws ValidationError when the bytes are not a CSV or .xlsx export, saying what they are. */
function toMisFile(file: UploadedFile): MisFile {
  return file.format === 'csv' ? file : classifyUpload(Buffer.from(file.base64, 'base64'));
}

/** Step 1: read the file and propose a column mapping for the user to confirm. Nothing is stored. */
export async function previewRegisterImport(file: UploadedFile): Promise<ImportPreview> {
  return previewImport(await readMisTable(toMisFile(file)));
}

async function readRecords(file: UploadedFile, mapping: unknown): Promise<ParsedRegister> {
  return parseRegister(await readMisTable(toMisFile(file)), mapping);
}

/**
 * Step 2: with the confirmed mapping, what the import would change, and who on roll the file does
 * not list (so a partial file is seen as one before anyone is marked as left). Nothing is stored.
 * @throws ValidationError naming each bad row and column, as the import would.
 */
export async function planRegisterImport(
  register: RegisterRepository,
  request: { file: UploadedFile; mapping: unknown },
): Promise<ImportChanges & { warnings: string[] }> {
  const { records, warnings } = await readRecords(request.file, request.mapping);
  return { ...planImport(await register.list({ includeOffRoll: true }), records), warnings };
}

/**
 * Step 3: import. All or nothing: a bad cell anywhere rejects the file (ValidationError naming rows
 * and columns) and nothing is stored. Re-importing updates by UPN. Pupils the file does not list are
 * marked as left only when `markLeft` is the count the person was shown and confirmed; if the
 * register changed since (another import), nothing is stored and they are asked to check again.
 * @throws ConflictError when `markLeft` no longer matches.
 */
export async function importRegister(
  register: RegisterRepository,
  request: { file: UploadedFile; mapping: unknown; markLeft?: number; snapshotTerm?: string; by: Importer },
): Promise<UpsertResult & { warnings: string[]; snapshot: RegisterSnapshot | null; ehcDates: EhcDatesFromMis[] }> {
  const { records, warnings, ehcDates } = await readRecords(request.file, request.mapping);
  const fullRoll = request.markLeft !== undefined && request.markLeft > 0;
  if (fullRoll) {
    const missing = planImport(await register.list(), records).notInFile.count;
    if (missing !== request.markLeft)
      throw new ConflictError(
        `The register changed since you checked: ${missing} pupils on roll are not in this file, not ${request.markLeft}. Nothing was imported; check the changes again.`,
      );
  }
  const result = await register.upsertMany(records, { fullRoll, by: request.by });
  const snapshot = request.snapshotTerm ? await register.snapshot(request.snapshotTerm) : null;
  return { ...result, warnings, snapshot, ehcDates };
}
