import { ConfigError } from '@/kernel/errors';
import { tokenRequestFor } from '@/storage/sharepoint/msal-auth-provider';
import { parseSharePointEnv, requireSharePointEnv } from '@/storage/sharepoint/sharepoint-config';

const valid = {
  GRAPH_TENANT_ID: '7d1c2a4e-0c11-4b7e-9a55-3f1f0a9e0c01',
  GRAPH_CLIENT_ID: '5b0f8e2d-93a1-4c3e-8f6e-2d4b1c9a7e10',
  GRAPH_CLIENT_SECRET: 'from-key-vault',
  SHAREPOINT_SITE_ID: 'oakfield.sharepoint.com,11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222',
};

describe('SharePoint configuration from the environment', () => {
  it('selects no SharePoint store, with no problems, when none of its settings are present', () => {
    expect(parseSharePointEnv({})).toEqual({ problems: [] });
  });

  it('reads a complete configuration, defaulting to public Graph', () => {
    expect(parseSharePointEnv(valid)).toEqual({
      config: {
        tenantId: valid.GRAPH_TENANT_ID,
        clientId: valid.GRAPH_CLIENT_ID,
        clientSecret: 'from-key-vault',
        siteId: valid.SHAREPOINT_SITE_ID,
      },
      problems: [],
    });
  });

  it('takes a national cloud’s Graph root and sign-in host, and asks for a token for that cloud', () => {
    const { config } = parseSharePointEnv({
      ...valid,
      GRAPH_BASE_URL: 'https://graph.microsoft.us',
      GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
    });
    expect(config).toMatchObject({ baseUrl: 'https://graph.microsoft.us', authorityHost: 'https://login.microsoftonline.us' });
    expect(tokenRequestFor(config!)).toEqual({
      authority: `https://login.microsoftonline.us/${valid.GRAPH_TENANT_ID}`,
      scopes: ['https://graph.microsoft.us/.default'],
    });
    expect(tokenRequestFor(parseSharePointEnv(valid).config!)).toEqual({
      authority: `https://login.microsoftonline.com/${valid.GRAPH_TENANT_ID}`,
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect(parseSharePointEnv({ ...valid, GRAPH_AUTHORITY_HOST: 'http://login.example' }).problems).toEqual([
      expect.stringMatching(/^GRAPH_AUTHORITY_HOST /),
    ]);
  });

  it('reports every missing and malformed setting at once', () => {
    const { config, problems } = parseSharePointEnv({
      GRAPH_TENANT_ID: valid.GRAPH_TENANT_ID,
      GRAPH_CLIENT_ID: 'my-app',
      SHAREPOINT_SITE_ID: 'oakfield',
      GRAPH_BASE_URL: 'http://graph.example',
    });

    expect(config).toBeUndefined();
    expect(problems).toEqual([
      expect.stringMatching(/^GRAPH_CLIENT_SECRET is not set/),
      expect.stringMatching(/^GRAPH_CLIENT_ID must be/),
      expect.stringMatching(/^SHAREPOINT_SITE_ID must look like/),
      expect.stringMatching(/^GRAPH_BASE_URL must be https/),
    ]);
  });

  it('throws one ConfigError listing the problems for a script that needs SharePoint', () => {
    expect(() => requireSharePointEnv({})).toThrow(ConfigError);
    const error = (() => {
      try {
        requireSharePointEnv({ ...valid, GRAPH_CLIENT_SECRET: '' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems).toEqual([expect.stringMatching(/^GRAPH_CLIENT_SECRET is not set/)]);
  });
});
