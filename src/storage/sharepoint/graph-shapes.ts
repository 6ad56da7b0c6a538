import { z } from 'zod';
import { AppError } from '@/kernel/errors';

/** The parts of Graph responses the adapter relies on, checked at the boundary. */
export const listItemSchema = z.object({
  id: z.string(),
  eTag: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type GraphListItem = z.infer<typeof listItemSchema>;

export const itemPageSchema = z.object({
  value: z.array(listItemSchema),
  '@odata.nextLink': z.string().optional(),
});

export const listsPageSchema = z.object({
  // `list.template` (with `$select=list`): genericList, documentLibrary, … (https://learn.microsoft.com/graph/api/resources/listinfo)
  value: z.array(z.object({ id: z.string(), displayName: z.string(), list: z.object({ template: z.string().optional() }).optional() })),
  '@odata.nextLink': z.string().optional(),
});

export const columnsSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      indexed: z.boolean().optional(),
      enforceUniqueValues: z.boolean().optional(),
      // https://learn.microsoft.com/graph/api/resources/textcolumn
      text: z.looseObject({ textType: z.string().optional() }).optional(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
});

export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});
export type BatchStepResponse = z.infer<typeof batchResponseSchema>['responses'][number];

/** Parses a Graph payload or throws an AppError (a Graph fault, not the caller's). */
export function parseGraph<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError(`Unexpected ${what} from Microsoft Graph: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}
