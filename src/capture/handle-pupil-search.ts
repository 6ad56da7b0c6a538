import { z } from 'zod';
import type { Pupil } from '@/kernel/action';
import { PUPIL_DATASET } from '@/capture/cards/capture-verbs';

const searchValueSchema = z.object({
  queryText: z.string().max(100).default(''),
  dataset: z.string().max(100),
  queryOptions: z
    .object({ skip: z.number().int().min(0).default(0), top: z.number().int().min(1).max(50).default(15) })
    .default({ skip: 0, top: 15 }),
});

/**
 * `application/search` invoke from the pupil picker's typeahead (Data.Query on the card): pupils
 * whose name or initials contain what was typed. Other datasets or malformed queries get no results.
 */
export function searchPupils(pupils: Pupil[], value: unknown) {
  const parsed = searchValueSchema.safeParse(value);
  const results =
    parsed.success && parsed.data.dataset === PUPIL_DATASET
      ? pupils
          .filter((p) => p.name.toLowerCase().includes(parsed.data.queryText.trim().toLowerCase()))
          .slice(parsed.data.queryOptions.skip, parsed.data.queryOptions.skip + parsed.data.queryOptions.top)
          .map((p) => ({ title: p.name, value: p.id }))
      : [];
  return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse' as const, value: { results } };
}
