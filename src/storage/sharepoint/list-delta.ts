import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { relativeToRoot } from './graph-paging';
import { listItemSchema, parseGraph, type GraphListItem } from './graph-shapes';

const deltaPageSchema = z.object({
  value: z.array(listItemSchema.partial({ eTag: true, fields: true })),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

type DeltaItem = Pick<GraphListItem, 'id'> & Partial<GraphListItem>;

export interface ListDelta {
  /** The `token` of the last `@odata.deltaLink`: ask with it next time. */
  token: string;
  items: DeltaItem[];
  /** SharePoint could not answer from the token (410 Gone): start again from now, and reload. */
  reset?: true;
}

/**
 * What changed in a list since `token`, by listItem: delta
 * (https://learn.microsoft.com/graph/api/listitem-delta): `token=latest` gives no items and a token
 * for "from now"; an earlier token gives each item created or changed since, once, following
 * `@odata.nextLink` pages to the `@odata.deltaLink`. Only the token travels to the tab, never a URL,
 * so nobody can make the server fetch an address of their choosing.
 */
export async function listDelta(client: Client, root: string, listPath: string, token: string | null, select: string): Promise<ListDelta> {
  const first = (t: string) => `${listPath}/items/delta?token=${encodeURIComponent(t)}&expand=fields($select=${select})`;
  try {
    return await follow(client, root, first(token ?? 'latest'));
  } catch (error) {
    if (!(error instanceof GraphError) || error.statusCode !== 410 || token === null) throw error;
    return { ...(await follow(client, root, first('latest'))), reset: true };
  }
}

async function follow(client: Client, root: string, url: string): Promise<ListDelta> {
  const items: ListDelta['items'] = [];
  let next: string | undefined = url;
  for (;;) {
    const raw: unknown = await client.api(relativeToRoot(next, root)).get();
    const page: z.infer<typeof deltaPageSchema> = parseGraph(deltaPageSchema, raw, 'delta page');
    items.push(...page.value);
    if (page['@odata.deltaLink']) {
      const token = new URL(page['@odata.deltaLink']).searchParams.get('token');
      if (!token) throw new Error('SharePoint gave a delta link without a token');
      return { token, items };
    }
    next = page['@odata.nextLink'];
    if (!next) throw new Error('SharePoint ended a delta feed without a delta link');
  }
}
