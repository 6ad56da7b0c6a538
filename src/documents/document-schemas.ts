import { z } from 'zod';
import { DOCUMENT_TYPES } from '@/kernel/pupil-document';

/** PUT /api/register/pupils/:id/documents?name=…&type=…[&reviewDate=…][&makeCurrent=false]: the body is the file. */
export const uploadQuery = z
  .strictObject({
    name: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    reviewDate: z.string().optional(),
    makeCurrent: z.enum(['true', 'false']).default('true'),
  })
  .transform((q) => ({ name: q.name, type: q.type, reviewDate: q.reviewDate || null, makeCurrent: q.makeCurrent === 'true' }));

/** POST /api/documents/:id/make-current { version } */
export const makeCurrentBody = z.strictObject({ version: z.number().int().min(1) });
