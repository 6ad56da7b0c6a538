import { z } from 'zod';
import { termSchema } from '@/kernel/register-snapshot';

const base64 = (max: number) =>
  z
    .string()
    .min(1, 'the file is empty')
    .max(max)
    .regex(/^[A-Za-z0-9+/=\r\n]+$/, 'must be base64');

/**
 * An uploaded export. `file`: the file's bytes as base64 (JSON bodies carry no bytes), read by
 * content whatever its name (what the tab sends); `csv` text and `xlsx` bytes for API callers that
 * know what they hold (an `xlsx` that is something else is refused all the same).
 */
export const misFileBody = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('file'), base64: base64(340_000) }),
  z.strictObject({ format: z.literal('csv'), text: z.string().min(1, 'the file is empty').max(240_000) }),
  z.strictObject({ format: z.literal('xlsx'), base64: base64(240_000) }),
]);

export const importPreviewBody = z.strictObject({ file: misFileBody });

/** The mapping as the user confirmed it (checked in full by the importer). */
const confirmedMapping = z.record(z.string(), z.string().nullable());

export const importChangesBody = z.strictObject({ file: misFileBody, mapping: confirmedMapping });

export const importConfirmBody = z.strictObject({
  file: misFileBody,
  mapping: confirmedMapping,
  /**
   * The person confirmed that this many pupils on roll, not in the file, have left. Absent or 0:
   * nobody is marked as left (a partial file only adds and updates).
   */
  markLeft: z.number().int().min(0).max(20_000).optional(),
  /** Also store this term's snapshot of the counts after importing. */
  snapshotTerm: termSchema.optional(),
});

/** GET /api/register/dashboard?phase=primary (staff training and the number on roll come from the stored settings). */
export const dashboardQuery = z.strictObject({
  phase: z.enum(['primary', 'secondary']).optional(),
});

/** An import's id in a path (ours: a UUID). */
export const importIdParam = z.uuid('must be an import id');

export const snapshotBody = z.strictObject({ term: termSchema });
