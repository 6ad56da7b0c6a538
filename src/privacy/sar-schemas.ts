import { z } from 'zod';

/** `:pupilId` of GET /api/pupils/:pupilId/export. */
export const sarExportParams = z.object({ pupilId: z.string().trim().min(1).max(64) });
