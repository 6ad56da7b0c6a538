import type { Client } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import { parseGraph } from './graph-shapes';

/**
 * `@odata.nextLink` is an absolute URL. The SDK only recognises absolute https URLs, so a link under our own
 * root (always the case for the loopback stand-in) is turned back into a path; anything else goes as it is.
 */
export function relativeToRoot(link: string, root: string): string {
  return link.startsWith(root) ? link.slice(root.length) : link;
}

/**
 * Every page of a collection: GET `path`, then each `@odata.nextLink` until there is none.
 * https://learn.microsoft.com/graph/paging
 */
export async function getAllPages<T>(
  client: Client,
  path: string,
  root: string,
  schema: z.ZodType<{ value: T[]; '@odata.nextLink'?: string | undefined }>,
  headers: Record<string, string> = {},
): Promise<T[]> {
  const all: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const raw: unknown = await client.api(relativeToRoot(next, root)).headers(headers).get();
    const page = parseGraph(schema, raw, 'page');
    all.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return all;
}
