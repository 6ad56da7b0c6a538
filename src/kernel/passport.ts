import { z } from 'zod';
import type { Actor } from './action';

const section = z.string().trim().max(2000, 'must be at most 2000 characters');

/**
 * A pupil's one-page profile, written with the pupil and family and shared with staff and parents.
 * The headings follow common one-page-profile practice ("what people like and admire about me",
 * "what is important to me", "how best to support me"); DOMAIN.md does not list the fields yet,
 * so they should be checked with the SENCO.
 */
export const passportContentSchema = z.strictObject({
  likeAndAdmire: section,
  importantToMe: section,
  howToSupport: z.array(z.string().trim().min(1).max(300)).max(20),
  communication: section,
});
export type PassportContent = z.infer<typeof passportContentSchema>;

export const savePassportSchema = z.strictObject({
  /** The version the editor started from; 0 for a first save. */
  version: z.number().int().min(0),
  content: passportContentSchema,
});

export interface Passport {
  pupilId: string;
  content: PassportContent;
  version: number;
  updatedBy: Actor;
  updatedAt: string;
}

export const EMPTY_PASSPORT: PassportContent = { likeAndAdmire: '', importantToMe: '', howToSupport: [], communication: '' };

export const PASSPORT_HEADINGS: Record<keyof PassportContent, string> = {
  likeAndAdmire: 'What people like and admire about me',
  importantToMe: 'What is important to me',
  howToSupport: 'How best to support me',
  communication: 'How I communicate',
};
