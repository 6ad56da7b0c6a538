import { createHmac, generateKeyPairSync } from 'node:crypto';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import restify from 'restify';
import { createBot } from '@bot/create-bot';
import { CAPTURE_VERBS, rowInputIds } from '@/capture/cards/capture-verbs';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { MEETING_CHAT, PRIYA, cardAction } from '@tests/bot/support/activities';
import { startFakeConnector } from '@tests/bot/support/fake-connector';
import { CLIENT_ID, LocalEntra, TENANT } from '@tests/support/local-entra';
import { tenantEnv } from '@tests/support/tenant-env';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/**
 * Tenant mode, real SDK (`@microsoft/teams.apps` 2.0.16) token checks: the SDK's own
 * ServiceTokenValidator, with its OpenID metadata URL pointed (through the SDK's `cloud` option) at
 * a key set served on loopback. Everything else about the cloud stays the public one, so the issuer
 * the SDK demands is still `https://api.botframework.com`.
 */
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const PUPIL = { id: 'p-0001', name: 'Jamie Brown', yearGroup: 4 };

describe('bot endpoint in tenant mode: Bot Framework tokens checked by the Teams SDK', () => {
  let entra: LocalEntra;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let server: restify.Server;
  let repo: SqliteActionRepository;
  let url: string;

  beforeAll(async () => {
    entra = await new LocalEntra().start();
    connector = await startFakeConnector([]);
    const config = loadConfig(tenantEnv({ TENANT_ID: TENANT, CLIENT_ID }));
    const db = openDatabase(':memory:');
    repo = new SqliteActionRepository(db);
    const cloud = withOverrides(PUBLIC, { openIdMetadataUrl: entra.jwksUri.replace(/\/keys$/, '/v1/.well-known/openidconfiguration') });
    const bot = await createBot(
      config,
      {
        repo,
        conversations: new SqliteConversationReferenceStore(db),
        school: { pupils: [PUPIL], roles: {} },
        knownPeople: [{ id: PRIYA.aadObjectId, name: PRIYA.name, email: 'p.shah@school.example' }],
        trackerUrl: 'http://127.0.0.1/tab/',
        logger: createLogger('silent'),
        now: () => new Date('2026-04-23T09:00:00Z'),
      },
      { cloud },
    );
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    bot.mount(server);
    url = `${(await listenOnLoopback(server)).url}/api/messages`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
    await connector?.close();
    await entra?.stop();
  });

  /** A Save all click on a one-row proposal: if it gets through, it writes one action. */
  const saveClick = (id: string) =>
    cardAction(
      connector.url,
      CAPTURE_VERBS.saveAll,
      {
        messageId: `msg-${id}`,
        conversationId: MEETING_CHAT.id,
        count: 1,
        [rowInputIds(0).description]: "Phone J.B.'s parent",
        [rowInputIds(0).owner]: PRIYA.aadObjectId,
        [rowInputIds(0).due]: '2026-05-01',
        [rowInputIds(0).pupil]: PUPIL.id,
        [rowInputIds(0).itemType]: 'parent_follow_up',
        // No replyToId: the saved card comes back in the invoke response only, with no call out to the
        // connector (that would need a bot token from Entra, which this machine cannot reach).
      },
      '',
    );

  /** Claims of a real Bot Connector token for this bot, for this activity's service URL. */
  const botClaims = (claims: Record<string, unknown> = {}) => ({
    iss: BOT_FRAMEWORK_ISSUER,
    aud: CLIENT_ID,
    serviceurl: connector.url,
    nbf: Math.floor(Date.now() / 1000) - 60,
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...claims,
  });

  const post = async (activity: unknown, authorization?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  const unsigned = (header: object, payload: object) =>
    `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

  it('accepts a correctly signed Bot Framework token and runs the click (one action saved)', async () => {
    const res = await post(saveClick('valid'), `Bearer ${entra.sign(botClaims())}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Saved 1 action');
    expect((await repo.query()).filter((a) => a.idempotencyKey?.startsWith('msg-valid'))).toHaveLength(1);
  });

  const refused: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    [
      'an expired token (beyond the SDK’s five-minute clock skew)',
      () => `Bearer ${entra.sign(botClaims({ nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }))}`,
    ],
    ['a token for another bot (wrong audience)', () => `Bearer ${entra.sign(botClaims({ aud: '33333333-3333-4333-8333-333333333333' }))}`],
    [
      'a token from another issuer (an Entra tenant, not the Bot Framework)',
      () => `Bearer ${entra.sign(botClaims({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }))}`,
    ],
    [
      'a token for a different service URL than the activity names',
      () => `Bearer ${entra.sign(botClaims({ serviceurl: 'https://smba.trafficmanager.net/evil/' }))}`,
    ],
    ['an unsigned token (alg: none)', () => `Bearer ${unsigned({ alg: 'none', typ: 'JWT', kid: entra.keyId }, botClaims())}`],
    [
      'a token signed with a key not in the key set (forged signature)',
      () => `Bearer ${entra.sign(botClaims(), { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey })}`,
    ],
    [
      'a forged token claiming an unknown key id',
      () =>
        `Bearer ${entra.sign(botClaims(), { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, kid: 'attacker-key' })}`,
    ],
    ['a token with an HMAC signature keyed on the public key (algorithm confusion)', () => `Bearer ${hmacToken(botClaims())}`],
    ['a malformed bearer value', () => 'Bearer not.a.jwt'],
  ];

  /** HS256 over the claims, keyed with a guessable secret: the SDK accepts RS256 only. */
  function hmacToken(claims: object) {
    const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: entra.keyId })).toString('base64url');
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const sig = createHmac('sha256', entra.keyId).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${sig}`;
  }

  it.each(refused)('refuses %s with 401, writes nothing and sends nothing', async (label, authorization) => {
    const id = label.replace(/\W+/g, '-');
    const callsBefore = connector.calls.length;
    const res = await post(saveClick(id), authorization());
    expect(res.status).toBe(401);
    expect((await repo.query()).filter((a) => a.idempotencyKey?.startsWith(`msg-${id}`))).toHaveLength(0);
    expect(connector.calls).toHaveLength(callsBefore);
  });
});
