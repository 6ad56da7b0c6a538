import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { columnGap } from './column-gap';
import { getAllPages } from './graph-paging';
import { columnsSchema, listsPageSchema } from './graph-shapes';
import { ALL_LISTS, type ListSpec } from './list-schema';

/** One line of a check: what was found, and for a problem, how to put it right. */
export interface Finding {
  ok: boolean;
  what: string;
  fix?: string;
}

const PROVISION = 'Run npm run provision (docs/ADMIN.md, 3c): it adds what is missing and changes nothing else.';

const GAP_WORDS = { missing: 'is missing', index: 'is not indexed (or not unique)', plain: 'is not plain text' } as const;

/**
 * Whether the SEND site holds every list and column the app needs, as `npm run provision` makes them.
 * Reads only (GETs of the lists and their columns), so an IT admin can run it on a live site.
 */
export async function checkSiteLists(
  client: Client,
  siteId: string,
  root: string,
  lists: readonly ListSpec[] = ALL_LISTS,
): Promise<Finding[]> {
  const site = `/sites/${siteId}`;
  let existing;
  try {
    existing = await getAllPages(client, `${site}/lists?$select=id,displayName,list`, root, listsPageSchema);
  } catch (error) {
    return [siteAccessFinding(error)];
  }
  const findings: Finding[] = [{ ok: true, what: 'The app can read the SEND site.' }];
  for (const spec of lists) {
    const list = existing.find((l) => l.displayName === spec.displayName);
    if (!list) {
      findings.push({ ok: false, what: `The list ${spec.displayName} is missing.`, fix: PROVISION });
      continue;
    }
    if (spec.template === 'documentLibrary' && list.list?.template !== 'documentLibrary') {
      findings.push({
        ok: false,
        what: `${spec.displayName} is a list, not a document library, so it cannot hold files.`,
        fix: `Rename that list in SharePoint (nothing of the app's is in it), then ${PROVISION}`,
      });
      continue;
    }
    let columns;
    try {
      columns = await getAllPages(client, `${site}/lists/${list.id}/columns`, root, columnsSchema);
    } catch (error) {
      const status = error instanceof GraphError ? ` (HTTP ${error.statusCode})` : '';
      findings.push({
        ok: false,
        what: `The app cannot read ${spec.displayName}${status}.`,
        fix: 'Check the app’s grant on the SEND site (docs/ADMIN.md 3a), and that nobody removed the app from that list’s permissions.',
      });
      continue;
    }
    const gaps = spec.columns.flatMap((column) => {
      const gap = columnGap(
        column,
        columns.find((c) => c.name === column.name),
      );
      return gap ? [`${column.name} ${GAP_WORDS[gap]}`] : [];
    });
    findings.push(
      gaps.length === 0
        ? { ok: true, what: `${spec.displayName}: all ${spec.columns.length} columns in place.` }
        : { ok: false, what: `${spec.displayName}: ${gaps.join('; ')}.`, fix: PROVISION },
    );
  }
  return findings;
}

function siteAccessFinding(error: unknown): Finding {
  const status = error instanceof GraphError ? error.statusCode : undefined;
  if (status === 403)
    return {
      ok: false,
      what: 'Microsoft Graph refused the app access to the SEND site (403).',
      fix: 'Grant the app write on that one site (Sites.Selected, docs/ADMIN.md 3a) and check admin consent for Sites.Selected.',
    };
  if (status === 404)
    return {
      ok: false,
      what: 'SHAREPOINT_SITE_ID names no site the app can see (404).',
      fix: 'Read the id again with GET /sites/{tenant}.sharepoint.com:/sites/{send-site-path} (docs/ADMIN.md 3a).',
    };
  return { ok: false, what: `The SEND site could not be read: ${error instanceof Error ? error.message : String(error)}` };
}
