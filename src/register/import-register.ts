import { parseRegister, previewImport, readMisTable, type ImportPreview, type MisFile } from './mis-import';
import type { RegisterRepository, UpsertResult } from '@/kernel/ports/register-repository';
import type { RegisterSnapshot } from '@/kernel/register-snapshot';

/** The file as the REST API carries it (xlsx bytes as base64). */
export type UploadedFile = { format: 'csv'; text: string } | { format: 'xlsx'; base64: string };

function toMisFile(file: UploadedFile): MisFile {
  return file.format === 'csv' ? file : { format: 'xlsx', data: Buffer.from(file.base64, 'base64') };
}

/** Step 1: read the file and propose a column mapping for the user to confirm. Nothing is stored. */
export async function previewRegisterImport(file: UploadedFile): Promise<ImportPreview> {
  return previewImport(await readMisTable(toMisFile(file)));
}

/**
 * Step 2: import with the confirmed mapping. All or nothing: a bad cell anywhere rejects the file
 * (ValidationError naming rows and columns) and nothing is stored. Re-importing updates by UPN.
 */
export async function importRegister(
  register: RegisterRepository,
  request: { file: UploadedFile; mapping: unknown; fullRoll: boolean; snapshotTerm?: string },
): Promise<UpsertResult & { warnings: string[]; snapshot: RegisterSnapshot | null }> {
  const { records, warnings } = parseRegister(await readMisTable(toMisFile(request.file)), request.mapping);
  const result = await register.upsertMany(records, { fullRoll: request.fullRoll });
  const snapshot = request.snapshotTerm ? await register.snapshot(request.snapshotTerm) : null;
  return { ...result, warnings, snapshot };
}
