import { loadConfig } from '@/app/config';
import { loadReminderConfig } from '@/reminders/reminder-config';
import { ConfigError } from '@/kernel/errors';
import { tenantEnv } from '@tests/support/tenant-env';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('defaults to embedded mode: SQLite, demo data, no tokens', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'embedded', port: 3978, demoData: true, bot: null, sso: null, sharePoint: null });
    expect(config.databaseFile).toMatch(/send-tracker\.db$/);
    expect(config.digest?.lead.name).toBe('Priya Shah');
  });

  it('runs in tenant mode with the bot, Teams SSO (v1 and v2 audiences) and the SEND team configured', () => {
    const config = loadConfig(tenantEnv({ ALLOWED_TENANT_IDS: '55555555-5555-4555-8555-555555555555' }));
    expect(config.mode).toBe('tenant');
    expect(config.demoData).toBe(false);
    expect(config.bot).toEqual({
      clientId: '22222222-2222-4222-8222-222222222222',
      clientSecret: 'not-a-real-secret',
      tenantId: '11111111-1111-4111-8111-111111111111',
    });
    expect(config.sso).toMatchObject({
      tenantIds: ['11111111-1111-4111-8111-111111111111', '55555555-5555-4555-8555-555555555555'],
      audiences: ['33333333-3333-4333-8333-333333333333', 'api://tracker.oakfield.example/33333333-3333-4333-8333-333333333333'],
      sendTeamGroupIds: ['44444444-4444-4444-8444-444444444444'],
    });
    expect(config.sharePoint).toBeNull();
    expect(config.digest).toBeNull();
  });

  it('uses the managed identity when the bot has no client secret', () => {
    expect(loadConfig(tenantEnv({ CLIENT_SECRET: undefined })).bot?.clientSecret).toBeNull();
  });

  const SHAREPOINT = {
    GRAPH_TENANT_ID: '11111111-1111-4111-8111-111111111111',
    GRAPH_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
    GRAPH_CLIENT_SECRET: 'graph-secret',
    SHAREPOINT_SITE_ID: 'oakfield.sharepoint.com,66666666-6666-4666-8666-666666666666,77777777-7777-4777-8777-777777777777',
  };

  it('chooses SharePoint when the Graph app and the site are configured', () => {
    const config = loadConfig(tenantEnv(SHAREPOINT));
    expect(config.sharePoint).toMatchObject({ siteId: expect.stringMatching(/^oakfield\.sharepoint\.com,/) });
    expect(config.outboxTable).toBeNull();
  });

  it('keeps the outbox in Table Storage when its endpoint is set, as infra/azure.bicep sets it', () => {
    const config = loadConfig(tenantEnv({ ...SHAREPOINT, OUTBOX_TABLE_ENDPOINT: 'https://sendtrackerst.table.core.windows.net/' }));
    expect(config.outboxTable).toEqual({
      endpoint: 'https://sendtrackerst.table.core.windows.net/',
      connectionString: null,
      tableName: 'sendoutbox',
    });
  });

  it('leaves the shared outbox unused until SharePoint is configured (the Bicep provisions it first)', () => {
    expect(loadConfig(tenantEnv({ OUTBOX_TABLE_ENDPOINT: 'https://sendtrackerst.table.core.windows.net/' })).outboxTable).toBeNull();
  });

  it('refuses a bad table name, or both ways into the table at once', () => {
    expect(
      problemsOf(
        tenantEnv({ ...SHAREPOINT, OUTBOX_TABLE_ENDPOINT: 'https://x.table.core.windows.net/', OUTBOX_TABLE_NAME: 'send-outbox' }),
      ),
    ).toEqual(['OUTBOX_TABLE_NAME: must be 3 to 63 letters and digits, starting with a letter']);
    expect(
      problemsOf(
        tenantEnv({
          ...SHAREPOINT,
          OUTBOX_TABLE_ENDPOINT: 'https://x.table.core.windows.net/',
          OUTBOX_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
        }),
      ),
    ).toEqual(['OUTBOX_TABLE_ENDPOINT and OUTBOX_STORAGE_CONNECTION_STRING: set one, not both']);
  });

  it('never puts a SQLite file on /home (App Service’s network share) when several instances run', () => {
    const scaledOut = { DATA_DIR: '/home/data', REMINDER_INSTANCES: '2' };
    expect(problemsOf(tenantEnv(scaledOut))).toEqual([
      expect.stringMatching(/^DATA_DIR: with 2 instances .* SQLite's locking is not safe/),
    ]);
    expect(problemsOf(tenantEnv({ ...scaledOut, ...SHAREPOINT }))).toHaveLength(1); // the outbox would still be a file there
    expect(
      loadConfig(tenantEnv({ ...scaledOut, ...SHAREPOINT, OUTBOX_TABLE_ENDPOINT: 'https://x.table.core.windows.net/' })).outboxTable,
    ).not.toBeNull();
    expect(loadConfig(tenantEnv({ DATA_DIR: '/home/data' })).dataDir).toBe('/home/data'); // one instance: nobody shares the file
  });

  it('reports every problem of every section at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      CLIENT_ID: 'not-a-guid',
      LOG_LEVEL: 'loud',
      SHAREPOINT_SITE_ID: 'x',
      REMINDER_CRON: 'whenever',
    });
    const names = problems.map((p) => p.split(/[: ]/)[0]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'CLIENT_ID', 'GRAPH_TENANT_ID', 'TENANT_ID', 'AAD_APP_CLIENT_ID', 'REMINDER_CRON']),
    );
    expect(problems.some((p) => p.startsWith('SEND_TEAM_GROUP_IDS or SEND_TEAM_USER_IDS'))).toBe(true);
  });

  it('requires the SEND lead in tenant mode, for reminders and the digest', () => {
    const problems = problemsOf(tenantEnv({ SEND_LEAD_ID: undefined, SEND_LEAD_NAME: undefined, DIGEST_MAILBOX: 'send@oakfield.example' }));
    expect(problems.filter((p) => p.includes('SEND_LEAD_ID')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('configuration from templates', () => {
  it('treats empty variables, as App Service leaves them, as unset', () => {
    const config = loadConfig(tenantEnv({ SHAREPOINT_SITE_ID: '', DIGEST_MAILBOX: ' ', GRAPH_CLIENT_SECRET: '' }));
    expect(config.sharePoint).toBeNull();
    expect(config.digest).toBeNull();
  });

  it('refuses to start embedded mode on a network address, saying why and what to configure instead', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::', 'tracker.school.example']) {
      expect(() => loadConfig({ HOST: host })).toThrow(/HOST: embedded mode has no sign-in.*configure tenant mode/s);
    }
    for (const host of ['localhost', '127.0.0.1', '::1']) expect(loadConfig({ HOST: host }).host).toBe(host);
  });
});

describe('the reminder send rate', () => {
  const lead = { id: 'lead', name: 'Lead' };
  it("shares the whole app's rate between the instances that run the reminder task", () => {
    expect(loadReminderConfig('embedded', {}, lead).sendsPerSecond).toBe(20);
    expect(loadReminderConfig('embedded', { REMINDER_INSTANCES: '2' }, lead).sendsPerSecond).toBe(10);
    expect(loadReminderConfig('embedded', { REMINDER_SENDS_PER_SECOND: '24', REMINDER_INSTANCES: '3' }, lead).sendsPerSecond).toBe(8);
  });

  it('refuses a count of instances that is not a whole number from 1', () => {
    expect(() => loadReminderConfig('embedded', { REMINDER_INSTANCES: '0' }, lead)).toThrow(/REMINDER_INSTANCES/);
    expect(() => loadReminderConfig('embedded', { REMINDER_INSTANCES: 'two' }, lead)).toThrow(/REMINDER_INSTANCES/);
  });
});
