import { loadConfig } from '../../src/env';
import { ConfigError } from '../../src/errors';

describe('configuration', () => {
  it('defaults to the embedded SQLite store with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'embedded', port: 3978, demoData: true, tenant: null });
    expect(config.databaseFile).toMatch(/send-tracker\.db$/);
  });

  it('switches to SharePoint when tenant, site and app credentials are all set', () => {
    const config = loadConfig({
      TENANT_ID: '11111111-1111-4111-8111-111111111111',
      CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      CLIENT_SECRET: 'secret',
      SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,abc,def',
    });
    expect(config.mode).toBe('tenant');
    expect(config.demoData).toBe(false);
  });

  it('reports every configuration problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', CLIENT_ID: 'not-a-guid', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'CLIENT_ID']);
  });

  it('names the missing tenant settings when only some are set', () => {
    expect(() => loadConfig({ TENANT_ID: '11111111-1111-4111-8111-111111111111' })).toThrow(/CLIENT_ID: required.*\n.*CLIENT_SECRET.*\n.*SHAREPOINT_SITE_ID/);
  });
});
