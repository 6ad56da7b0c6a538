import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactPath, redactUrl } from '@/app/telemetry';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { startLoopbackBotConnector, type LoopbackBotConnector } from '@tests/reminders/support/loopback-bot-connector';
import { buildNewAction, teacher } from '@tests/support/factories';
import { startIngestionStandIn, type Envelope, type IngestionStandIn } from '@tests/support/ingestion-stand-in';

const TSX = path.join(__dirname, '../../node_modules/.bin/tsx');
const SERVER = path.join(__dirname, 'support/traced-server.ts');

/** What a SENCO would type that must never leave the school's tenant in telemetry. */
const PUPIL = { id: 'UPN-K801200001234', name: 'Zoë Ålund', yearGroup: 5 };
const SECRET_WORDS = ['q=', 'Zoë', 'Zo%C3%AB', 'Ålund', 'UPN-K801200001234', 'ear defenders', 'sensory', 'Tom Reed', teacher.id, 't.reed@'];

const kind = (e: Envelope) => e.data?.baseType;
const base = (e: Envelope) => e.data?.baseData ?? {};

describe('telemetry to Application Insights (a child process; the ingestion endpoint on loopback)', () => {
  let ingestion: IngestionStandIn;
  let site: ProvisionedSite;
  let connector: LoopbackBotConnector;
  let child: ChildProcess;
  let dir: string;
  let url: string;
  let replies: Record<string, unknown>;
  /** What the server printed: the exporter reports a failed send there (at its default level, warning). */
  let printed = '';

  beforeAll(async () => {
    ingestion = await startIngestionStandIn();
    site = await startProvisionedSite();
    connector = await startLoopbackBotConnector();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-telemetry-'));
    // The teacher has opened the bot: a reminder can reach them in their personal chat.
    await site.taskStores().conversations.save({
      conversationId: 'a:1-tom-personal',
      conversationType: 'personal',
      tenantId: null,
      serviceUrl: connector.url,
      bot: { id: '28:bot' },
      channelId: 'msteams',
      updatedAt: '2026-04-20T08:00:00.000Z',
      user: { id: '29:1-tom', aadObjectId: teacher.id },
    });
    child = spawn(TSX, [SERVER], {
      env: {
        ...process.env,
        DATA_DIR: dir,
        NOW: '2026-04-22T07:30:00.000Z', // a Wednesday in term
        GRAPH_BASE_URL: site.standIn.baseUrl,
        SITE_ID: site.standIn.siteId,
        GRAPH_TOKEN: site.standIn.token,
        APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_TRACES_PER_SECOND: '0', // keep every trace, so the test can check each
        NODE_EXTRA_CA_CERTS: ingestion.caFile,
        // The exporter keeps what it could not send under the temp folder, keyed by instrumentation key, and sends it at
        // its next start: this run's own folder keeps another test's server (the deploy test) out of what arrives here.
        TMPDIR: dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const m = /listening (\d+)/.exec(chunk.toString());
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`traced server exited (${code}): ${printed}`)));
    });
    url = `http://127.0.0.1:${port}`;

    const json = { 'content-type': 'application/json' };
    const action = buildNewAction({
      pupil: PUPIL,
      owner: teacher,
      dueDate: '2026-04-22',
      description: 'Try ear defenders in assembly (sensory)',
    });
    const saved = await fetch(`${url}/api/actions`, { method: 'POST', headers: json, body: JSON.stringify({ actions: [action] }) });
    const searched = await fetch(`${url}/api/actions?q=${encodeURIComponent('Zoë')}`);
    const exported = await fetch(`${url}/api/pupils/${PUPIL.id}/export.docx`);
    const run = await fetch(`${url}/api/tasks/reminders`, { method: 'POST', headers: json, body: '{}' });
    replies = { saved: saved.status, searched: searched.status, exported: exported.status, reminders: await run.json() };
    child.kill('SIGTERM'); // the server sends what it holds before it exits
    await new Promise((resolve) => child.once('exit', resolve));
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all([ingestion.close(), site.standIn.close(), connector.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves every request as it would without telemetry, and the reminder reaches the owner', () => {
    expect(replies).toEqual({ saved: 200, searched: 200, exported: 200, reminders: expect.objectContaining({ cardsSent: 1 }) });
    expect(connector.received).toHaveLength(1);
  });

  it('sends its telemetry without a failure the exporter reports', () => {
    expect(printed.replace(/^listening \d+\n/m, '')).toBe('');
  });

  it('traces each request to the tab API by method and route, ids and queries taken out', () => {
    const requests = ingestion.received.filter((e) => kind(e) === 'RequestData').map((e) => `${base(e).name} ${base(e).url}`);
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^POST \/api\/actions http:\/\/127\.0\.0\.1:\d+\/api\/actions$/),
        expect.stringMatching(/^GET \/api\/actions http:\/\/127\.0\.0\.1:\d+\/api\/actions$/),
        expect.stringMatching(/^GET \/api\/pupils\/:id\/export\.docx /),
        expect.stringMatching(/^POST \/api\/tasks\/reminders /),
      ]),
    );
  });

  it('traces the calls to Microsoft Graph and to the Bot Connector as dependencies', () => {
    const calls = ingestion.received.filter((e) => kind(e) === 'RemoteDependencyData').map((e) => String(base(e).data));
    expect(calls).toEqual(
      expect.arrayContaining([`${site.standIn.baseUrl}/v1.0/$batch`, `${connector.url}/v3/conversations/:id/activities`]),
    );
    expect(calls.some((c) => c.startsWith(`${site.standIn.baseUrl}/v1.0/sites/:id/lists`))).toBe(true);
  });

  it('traces the reminder run as a task with its counts', () => {
    const task = ingestion.received.find((e) => kind(e) === 'RemoteDependencyData' && base(e).name === 'task reminders');
    expect(task).toBeDefined();
    expect(base(task!).properties).toMatchObject({ cardsSent: '1', itemsReminded: '1' });
  });

  it('sends no pupil name, pupil id, action text or staff identity anywhere in what it exports', () => {
    const everything = JSON.stringify(ingestion.received);
    expect(ingestion.received.length).toBeGreaterThan(5);
    for (const word of SECRET_WORDS) expect(everything).not.toContain(word);
    expect(everything).not.toMatch(/\$filter|\?/);
  });
});

describe('what telemetry keeps of a URL', () => {
  it.each([
    ['/api/pupils/UPN-K801200001234/export.docx', '/api/pupils/:id/export.docx'],
    ['/api/actions?search=zo%C3%AB&status=open', '/api/actions'],
    ['/v1.0/sites/oakfield.sharepoint.com,6a7b,8c9d/lists/4f2e/items', '/v1.0/sites/:id/lists/:id/items'],
    ['/v1.0/$batch', '/v1.0/$batch'],
    ['/v3/conversations/a%3A1-tom-personal/activities', '/v3/conversations/:id/activities'],
    ['/api/actions/1b4e28ba-2fa1-11d2-883f-0016d3cca427', '/api/actions/:id'],
  ])('%s becomes %s', (raw, kept) => expect(redactPath(raw)).toBe(kept));

  it('keeps a dependency’s scheme and host', () => {
    expect(
      redactUrl(
        "https://graph.microsoft.com/v1.0/sites/x,1,2/lists/4f2e0c1d-77aa-4c1b-9d0e-0a1b2c3d4e5f/items?$filter=fields/PupilName eq 'Zoë'",
      ),
    ).toBe('https://graph.microsoft.com/v1.0/sites/:id/lists/:id/items');
  });
});
