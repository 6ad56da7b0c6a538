import { z } from 'zod';

/** GET /api/interventions?pupil=… */
export const listInterventionsQuery = z.strictObject({ pupil: z.string().min(1).max(64).optional() });
