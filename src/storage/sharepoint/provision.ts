import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { getAllPages } from './graph-paging';
import { columnsSchema, listsPageSchema, parseGraph } from './graph-shapes';
import { columnGap } from './column-gap';
import { ALL_LISTS, columnDefinition, type ListSpec } from './list-schema';

/** What one provisioning run changed, in words for the console, e.g. `column SEND Actions/Status`. */
export interface ProvisionReport {
  created: string[];
  /** Existing columns that were made indexed (and unique, for claim keys). */
  indexed: string[];
  /** Existing multi-line columns set to plain text (they had the tenant's default, maybe rich text). */
  madePlain: string[];
}

/**
 * Makes the site hold every list and column in `list-schema.ts`, with every filtered or sorted column
 * indexed and every claim key unique (`enforceUniqueValues`). Idempotent: it only adds what is missing (a list, a column, an index), so a second run sends
 * no writes at all. It never deletes or renames anything.
 * https://learn.microsoft.com/graph/api/list-create, https://learn.microsoft.com/graph/api/list-post-columns,
 * https://learn.microsoft.com/graph/api/columndefinition-update
 */
export async function provisionLists(
  client: Client,
  siteId: string,
  root: string,
  lists: readonly ListSpec[] = ALL_LISTS,
): Promise<ProvisionReport> {
  const report: ProvisionReport = { created: [], indexed: [], madePlain: [] };
  const site = `/sites/${siteId}`;
  const existing = await getAllPages(client, `${site}/lists?$select=id,displayName`, root, listsPageSchema);
  for (const spec of lists) {
    let listId = existing.find((l) => l.displayName === spec.displayName)?.id;
    if (!listId) {
      const created = parseGraph(
        listsPageSchema.shape.value.element,
        await client
          .api(`${site}/lists`)
          .post({ displayName: spec.displayName, description: spec.description, list: { template: spec.template ?? 'genericList' } }),
        'list',
      );
      listId = created.id;
      report.created.push(`list ${spec.displayName}`);
    }
    const columnsPath = `${site}/lists/${listId}/columns`;
    // A list also holds SharePoint's own columns, so ours may be on a later page.
    const columns = await getAllPages(client, columnsPath, root, columnsSchema);
    for (const column of spec.columns) {
      const found = columns.find((c) => c.name === column.name);
      const gap = columnGap(column, found);
      if (gap === 'missing') {
        await client.api(columnsPath).post(columnDefinition(column));
        report.created.push(`column ${spec.displayName}/${column.name}`);
      } else if (gap === 'index') {
        // Uniqueness needs the index, so both are set in one PATCH.
        await client.api(`${columnsPath}/${found!.id}`).patch({ indexed: true, ...(column.unique ? { enforceUniqueValues: true } : {}) });
        report.indexed.push(`column ${spec.displayName}/${column.name}`);
      } else if (gap === 'plain') {
        // A column made before textType was set takes the tenant's default, which may be rich text (HTML around the JSON).
        await client.api(`${columnsPath}/${found!.id}`).patch({ text: { ...found!.text, textType: 'plain' } });
        report.madePlain.push(`column ${spec.displayName}/${column.name}`);
      }
    }
  }
  return report;
}

/**
 * What to tell the IT admin when provisioning fails. A 403 under `Sites.Selected` means the app's grant
 * on the SEND site is `write`: creating lists and columns needs `manage` (list-post-columns documents
 * Sites.Manage.All; https://learn.microsoft.com/graph/api/list-post-columns).
 */
export function provisioningAdvice(error: unknown): string {
  if (error instanceof GraphError && error.statusCode === 403) {
    return [
      'Microsoft Graph refused access to the SEND site (403).',
      'Creating lists and columns needs the manage role on the site: with Sites.Selected, grant it with',
      '  POST https://graph.microsoft.com/v1.0/sites/{site-id}/permissions',
      '  { "roles": ["manage"], "grantedToIdentities": [{ "application": { "id": "<client id>", "displayName": "SEND Tracker" } }] }',
      'then run npm run provision again. Once the lists exist, the app itself needs only write (see docs/ADMIN.md).',
    ].join('\n');
  }
  return `Provisioning failed: ${error instanceof Error ? error.message : String(error)}`;
}
