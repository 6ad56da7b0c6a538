import { TableClient } from '@azure/data-tables';
import { ManagedIdentityCredential } from '@azure/identity';
import type { OutboxTableConfig } from './outbox-config';
import { TableOutboxStore } from './table-outbox-store';

/**
 * The shared outbox from configuration. In Azure: the storage account's table endpoint with the web
 * app's user-assigned managed identity (`managedIdentityClientId`, the bot's CLIENT_ID), which holds
 * "Storage Table Data Contributor" on that account only; no key anywhere. Elsewhere: a connection
 * string, and the table is made on first use.
 */
export function openTableOutbox(config: OutboxTableConfig, managedIdentityClientId: string | null): TableOutboxStore {
  if (config.endpoint !== null) {
    const credential = new ManagedIdentityCredential(managedIdentityClientId ? { clientId: managedIdentityClientId } : {});
    return new TableOutboxStore(new TableClient(config.endpoint, config.tableName, credential));
  }
  const { connectionString, tableName } = config;
  const insecure = /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true/.test(connectionString);
  const client = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: insecure });
  return new TableOutboxStore(client, undefined, { createTable: true });
}
