import { ConfigError } from '@/kernel/errors';
import { createGraphClientFromConfig } from '@/storage/sharepoint/create-sharepoint-repository';
import { graphRoot } from '@/storage/sharepoint/graph-client';
import { provisionLists, provisioningAdvice } from '@/storage/sharepoint/provision';
import { requireSharePointEnv } from '@/storage/sharepoint/sharepoint-config';

/**
 * `npm run provision`: creates the SEND Tracker lists and indexed columns on the configured SharePoint
 * site, or adds whatever is missing. Safe to run any number of times.
 * Reads GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, SHAREPOINT_SITE_ID and optional GRAPH_BASE_URL.
 * The app registration needs Sites.Selected with a `write` (or `manage`) grant on that one site.
 */
async function main(): Promise<void> {
  const config = requireSharePointEnv(process.env);
  const client = createGraphClientFromConfig(config);
  const report = await provisionLists(client, config.siteId, graphRoot(config.baseUrl));
  const changes = [
    ...report.created.map((c) => `created ${c}`),
    ...report.indexed.map((c) => `indexed ${c}`),
    ...report.madePlain.map((c) => `set to plain text ${c}`),
  ];
  console.log(changes.length ? changes.join('\n') : 'Nothing to do: every list and column is already in place.');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : provisioningAdvice(error));
  process.exitCode = 1;
});
