import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const bicep = readFileSync(path.join(root, 'infra', 'azure.bicep'), 'utf8');
const parametersFile = JSON.parse(readFileSync(path.join(root, 'infra', 'azure.parameters.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};

// No Bicep compiler is available offline, so these checks read the template as text: small, but they
// catch the mistakes a reviewer most often misses (a renamed param, a lost security setting).
const withoutComments = bicep.replace(/\/\/.*$/gm, '');
const params = [...withoutComments.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({ name: m[1]!, hasDefault: m[2] !== undefined }));
const outputs = [...withoutComments.matchAll(/^output\s+(\w+)\s+/gm)].map((m) => m[1]!);
const body = withoutComments.replace(/^param\s.*$/gm, '').replace(/^@.*$/gm, '');

describe('infra/azure.bicep', () => {
  it('declares every parameter the parameters file sets', () => {
    const declared = params.map((p) => p.name);
    for (const name of Object.keys(parametersFile.parameters)) expect(declared).toContain(name);
  });

  it('gets a value for every parameter that has no default', () => {
    for (const param of params.filter((p) => !p.hasDefault)) expect(Object.keys(parametersFile.parameters)).toContain(param.name);
  });

  it('uses every parameter it declares', () => {
    for (const { name } of params) expect(body).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('keeps the client secret a secure parameter that only Key Vault receives', () => {
    expect(bicep).toMatch(/@secure\(\)\s*\n(@description\([^\n]*\)\s*\n)?param aadAppClientSecret string/);
    expect(body.match(/\baadAppClientSecret\b/g)).toHaveLength(1);
    expect(body).toMatch(/GRAPH_CLIENT_SECRET', value: '@Microsoft\.KeyVault\(SecretUri=\$\{graphClientSecret\.properties\.secretUri\}\)'/);
  });

  it('outputs the values the manifest and deploy step need', () => {
    expect(outputs).toEqual(
      expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']),
    );
  });

  it('runs Node 22 LTS on Linux over HTTPS only, TLS 1.2+, no FTP, always on, with a health check', () => {
    expect(body).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(body).toContain("healthCheckPath: '/api/health'");
    expect(body).toContain('httpsOnly: true');
    expect(body).toContain("minTlsVersion: '1.2'");
    expect(body).toContain("ftpsState: 'Disabled'");
    expect(body).toContain('alwaysOn: true');
    expect(body).toContain('reserved: true');
  });

  it('registers the bot with the user-assigned managed identity and the Teams channel', () => {
    expect(body).toContain("msaAppType: 'UserAssignedMSI'");
    expect(body).toContain('msaAppId: identity.properties.clientId');
    expect(body).toContain('msaAppMSIResourceId: identity.id');
    expect(body).toContain("channelName: 'MsTeamsChannel'");
  });

  it('keeps the outbox in a Table Storage account only the managed identity can write, and tells the app where', () => {
    expect(body).toContain('allowSharedKeyAccess: false');
    expect(body).toContain("minimumTlsVersion: 'TLS1_2'");
    expect(body).toContain("'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01'");
    expect(body).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(body).toMatch(/scope: storage\s+name: guid\(storage\.id, identity\.id, storageTableDataContributorRoleId\)/);
    expect(body).toContain("{ name: 'OUTBOX_TABLE_ENDPOINT', value: storage.properties.primaryEndpoints.table }");
    expect(body).toContain("{ name: 'OUTBOX_TABLE_NAME', value: outboxTable.name }");
  });

  it('protects Key Vault with RBAC, soft delete and purge protection, and grants the identity Secrets User only', () => {
    expect(body).toContain('enableRbacAuthorization: true');
    expect(body).toContain('enableSoftDelete: true');
    expect(body).toContain('enablePurgeProtection: true');
    expect(body).toContain("'4633458b-17de-408a-b874-0445c86b69e6'"); // Key Vault Secrets User
    expect(body.match(/Microsoft\.Authorization\/roleAssignments/g)).toHaveLength(2); // and Storage Table Data Contributor
  });
});
