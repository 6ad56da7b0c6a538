import { doctorReport, runDoctor } from '@/app/doctor';
import { createGraphClient, graphRoot } from '@/storage/sharepoint/graph-client';
import { ACTIONS_LIST, ALL_LISTS, PUPIL_RECORDS_LIBRARY } from '@/storage/sharepoint/list-schema';
import { StaticTokenProvider } from '@/storage/sharepoint/msal-auth-provider';
import { provisionLists } from '@/storage/sharepoint/provision';
import { startGraphStandIn, type GraphStandIn } from '@tests/graph-stand-in/graph-stand-in';

/** `npm run doctor` against the Graph stand-in: what an IT admin sees, and that it writes nothing. */
describe('npm run doctor', () => {
  let standIn: GraphStandIn;
  let env: NodeJS.ProcessEnv;
  const graphAuth = () => new StaticTokenProvider(standIn.token);
  const botToken = async () => 'bot-token';

  beforeEach(async () => {
    standIn = await startGraphStandIn();
    env = {
      GRAPH_TENANT_ID: '7d1c2a4e-0c11-4b7e-9a55-3f1f0a9e0c01',
      GRAPH_CLIENT_ID: '5b0f8e2d-93a1-4c3e-8f6e-2d4b1c9a7e10',
      GRAPH_CLIENT_SECRET: 'from-key-vault',
      SHAREPOINT_SITE_ID: standIn.siteId,
      GRAPH_BASE_URL: standIn.baseUrl,
      CLIENT_ID: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
      TENANT_ID: '7d1c2a4e-0c11-4b7e-9a55-3f1f0a9e0c01',
      CLIENT_SECRET: 'bot-secret',
    };
  });
  afterEach(() => standIn.close());

  const provision = () =>
    provisionLists(
      createGraphClient({ authProvider: graphAuth(), baseUrl: standIn.baseUrl, retryDelaySeconds: 0 }),
      standIn.siteId,
      graphRoot(standIn.baseUrl),
    );
  const problems = (sections: Awaited<ReturnType<typeof runDoctor>>) =>
    sections.flatMap((s) => s.findings.filter((f) => !f.ok).map((f) => f.what));

  it('finds nothing wrong on a provisioned site, reading only', async () => {
    await provision();
    standIn.resetCounts();
    const sections = await runDoctor(env, { graphAuth: graphAuth(), botToken });

    expect(problems(sections)).toEqual([]);
    expect(sections.map((s) => s.title)).toEqual([
      'SharePoint settings',
      'Token for Microsoft Graph',
      'SEND site, lists and indexed columns',
      'Bot registration',
      'Not checked here (each needs a write)',
    ]);
    expect(standIn.log.length).toBeGreaterThan(ALL_LISTS.length);
    expect(standIn.log.every((r) => r.method === 'GET')).toBe(true);
  });

  it('names each missing list and each column without its index, with how to fix it', async () => {
    await provision();
    standIn.store.findList(ACTIONS_LIST.displayName)!.columns.find((c) => c.name === 'DueDate')!.indexed = false;
    standIn.store.removeColumn(ACTIONS_LIST.displayName, 'PupilId');
    const sections = await runDoctor(env, { graphAuth: graphAuth(), botToken });

    expect(problems(sections)).toEqual(['SEND Actions: DueDate is not indexed (or not unique); PupilId is missing.']);
    expect(doctorReport(sections)).toContain(
      '✗ SEND Actions: DueDate is not indexed (or not unique); PupilId is missing.\n      → Run npm run provision',
    );
  });

  it('says when the pupil records library is a plain list of that name, and which list it cannot read', async () => {
    await provision();
    standIn.store.findList(PUPIL_RECORDS_LIBRARY.displayName)!.template = 'genericList';
    standIn.inject({ kind: 'forbidden', operation: 'list columns' });
    const sections = await runDoctor(env, { graphAuth: graphAuth(), botToken });
    expect(problems(sections)).toEqual([
      'The app cannot read SEND Actions (HTTP 403).',
      'SEND Pupil Records is a list, not a document library, so it cannot hold files.',
    ]);
  });

  it('on an empty site, says every list is missing', async () => {
    const sections = await runDoctor(env, { graphAuth: graphAuth(), botToken });
    expect(problems(sections)).toEqual(ALL_LISTS.map((l) => `The list ${l.displayName} is missing.`));
  });

  it('explains a 403 on the site, a refused token, bad settings and a bot registration that gives no token', async () => {
    standIn.inject({ kind: 'forbidden', operation: 'list lists' });
    const refused = await runDoctor(env, {
      graphAuth: graphAuth(),
      botToken: async () => Promise.reject(new Error('AADSTS7000215: Invalid client secret')),
    });
    expect(problems(refused)).toEqual([
      'Microsoft Graph refused the app access to the SEND site (403).',
      'The bot registration gives no Bot Connector token: AADSTS7000215: Invalid client secret',
    ]);

    const noToken = await runDoctor(env, { graphAuth: { getAccessToken: () => Promise.reject(new Error('AADSTS700016: app not found')) } });
    expect(problems(noToken)).toEqual(["Entra refused the app's credentials: AADSTS700016: app not found"]);

    const badSettings = await runDoctor({ ...env, SHAREPOINT_SITE_ID: 'send' });
    expect(problems(badSettings)).toEqual([expect.stringMatching(/^SHAREPOINT_SITE_ID must look like/)]);
  });
});
