import { generateKeyPairSync } from 'node:crypto';
import { UnauthorizedError } from '@/kernel/errors';
import { entraSso } from '@/http/auth/entra-sso';
import type { Authenticate } from '@/http/identity';
import { APP_ID_URI, CLIENT_ID, LocalEntra, TENANT } from '@tests/support/local-entra';

const SEND_GROUP = 'group-send-team';

describe('Teams SSO token validation for the tab API', () => {
  let entra: LocalEntra;
  let authenticate: Authenticate;

  beforeAll(async () => {
    entra = await new LocalEntra().start();
    authenticate = entraSso({
      tenantIds: [TENANT],
      audiences: [CLIENT_ID, APP_ID_URI],
      jwksUri: () => entra.jwksUri,
      sendTeamGroupIds: [SEND_GROUP],
      sendTeamUserIds: [],
    });
  });
  afterAll(() => entra.stop());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const rejects = (headers: Record<string, string>) => expect(authenticate(headers)).rejects.toBeInstanceOf(UnauthorizedError);

  it('accepts a valid v2 token and returns the member of staff, outside the SEND team', async () => {
    await expect(authenticate(bearer(entra.sign()))).resolves.toEqual({
      id: 'aaaaaaaa-0000-4000-8000-000000000002',
      name: 'Tom Reed',
      email: 't.reed@oakfield.example',
      sendTeam: false,
    });
  });

  it('accepts a v1 token (sts.windows.net issuer, api:// audience)', async () => {
    const token = entra.sign({ iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID_URI });
    await expect(authenticate(bearer(token))).resolves.toMatchObject({ name: 'Tom Reed' });
  });

  it('puts members of the SEND team group in the SEND team', async () => {
    await expect(authenticate(bearer(entra.sign({ groups: ['other', SEND_GROUP] })))).resolves.toMatchObject({ sendTeam: true });
  });

  it('rejects a request with no token', () => rejects({}));
  it('rejects a token that is not a bearer JWT', () => rejects({ authorization: 'Basic dG9tOnBhc3M=' }));
  it('rejects an expired token', () => rejects(bearer(entra.sign({ exp: Math.floor(Date.now() / 1000) - 600 }))));
  it('rejects a token for another audience', () => rejects(bearer(entra.sign({ aud: 'api://someone-else' }))));
  it('rejects a token from the wrong issuer', () => rejects(bearer(entra.sign({ iss: 'https://evil.example/v2.0' }))));
  it('rejects a token from a tenant not on the allow-list', () =>
    rejects(
      bearer(
        entra.sign({
          tid: '99999999-9999-4999-8999-999999999999',
          iss: 'https://login.microsoftonline.com/99999999-9999-4999-8999-999999999999/v2.0',
        }),
      ),
    ));
  it('rejects a token without a user object id', () => rejects(bearer(entra.sign({ oid: undefined }))));

  it('rejects an unsigned token (alg none)', () => {
    const [, payload] = entra.sign().split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: entra.keyId })).toString('base64url');
    return rejects(bearer(`${header}.${payload}.`));
  });

  it('rejects a token signed with another key under the same key id (forged signature)', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return rejects(bearer(entra.sign({}, { key: privateKey })));
  });

  it('rejects a token whose payload was altered after signing', () => {
    const [header, , signature] = entra.sign().split('.');
    const payload = Buffer.from(
      JSON.stringify({
        aud: CLIENT_ID,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        tid: TENANT,
        oid: 'senco',
        groups: [SEND_GROUP],
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    return rejects(bearer(`${header}.${payload}.${signature}`));
  });
});
