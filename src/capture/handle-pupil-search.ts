import { z } from 'zod';
import { pupilLabel } from '@/kernel/pupil-label';
import type { KnownPupil } from './parse/proposed-action';
import { PUPIL_DATASET } from '@/capture/cards/capture-verbs';

const searchValueSchema = z.object({
  queryText: z.string().max(100).default(''),
  dataset: z.string().max(100),
  queryOptions: z
    .object({ skip: z.number().int().min(0).default(0), top: z.number().int().min(1).max(50).default(15) })
    .default({ skip: 0, top: 15 }),
});

/** "lw", "l.w.", "L W" -> "lw": initials compare without dots and spaces. */
const letters = (text: string) => text.toLowerCase().replace(/[.\s]/g, '');

/** True when what was typed is the pupil's initials, or the start of their forename or surname. */
function fits(pupil: KnownPupil, typed: string): boolean {
  const query = typed.trim().toLowerCase();
  if (query === '') return true;
  if (letters(pupil.name).startsWith(letters(query))) return true;
  return [pupil.forename, pupil.surname, `${pupil.forename ?? ''} ${pupil.surname ?? ''}`].some(
    (n) => !!n && n.toLowerCase().startsWith(query),
  );
}

/**
 * `application/search` invoke from the pupil picker's typeahead (Data.Query on the card): pupils
 * whose initials, forename or surname start with what was typed, shown as "L.W. (Year 2)" so two
 * pupils with the same initials can be told apart. Never an internal id or a name in the results'
 * titles. Other datasets or malformed queries get no results.
 */
export function searchPupils(pupils: KnownPupil[], value: unknown) {
  const parsed = searchValueSchema.safeParse(value);
  const results =
    parsed.success && parsed.data.dataset === PUPIL_DATASET
      ? pupils
          .filter((p) => fits(p, parsed.data.queryText))
          .slice(parsed.data.queryOptions.skip, parsed.data.queryOptions.skip + parsed.data.queryOptions.top)
          .map((p) => ({ title: pupilLabel(p), value: p.id }))
      : [];
  return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse' as const, value: { results } };
}
