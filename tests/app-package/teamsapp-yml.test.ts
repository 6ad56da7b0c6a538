import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile } from '../../scripts/app-package/env-file';
import { placeholdersIn } from '../../scripts/app-package/substitute';
import { parseYaml } from './yaml';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  provision: Step[];
  deploy: Step[];
}

const projects = {
  'teamsapp.yml': { file: parseYaml(read('teamsapp.yml')) as ProjectFile, env: 'env/.env.dev' },
  'teamsapp.local.yml': { file: parseYaml(read('teamsapp.local.yml')) as ProjectFile, env: 'env/.env.local' },
};
const bicepOutputs = [...read('infra/azure.bicep').matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!);

function writtenBy(project: ProjectFile): string[] {
  const steps = [...project.provision, ...project.deploy];
  const written = steps.flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {}));
  const scripted = steps.flatMap((s) => [...JSON.stringify(s.with ?? {}).matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1]!));
  const deploysArm = steps.some((s) => s.uses === 'arm/deploy');
  return [...written, ...scripted, ...(deploysArm ? bicepOutputs : [])];
}

describe('the Agents Toolkit project files', () => {
  it('provision the Entra app, Azure resources and the Teams app, extended to Microsoft 365', () => {
    const uses = projects['teamsapp.yml'].file.provision.map((s) => s.uses);
    expect(uses).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    expect(projects['teamsapp.yml'].file.deploy.map((s) => s.uses)).toContain('azureAppService/zipDeploy');
  });

  it('register a Bot Framework bot only for local debugging, where there is no managed identity', () => {
    const uses = projects['teamsapp.local.yml'].file.provision.map((s) => s.uses);
    expect(uses).toEqual(expect.arrayContaining(['botAadApp/create', 'botFramework/create', 'aadApp/update', 'teamsApp/extendToM365']));
  });

  it('update the Entra app only after the tab domain is known', () => {
    for (const { file } of Object.values(projects)) {
      const uses = file.provision.map((s) => s.uses);
      const domainStep = uses.includes('arm/deploy') ? uses.indexOf('arm/deploy') : uses.indexOf('script');
      expect(uses.indexOf('aadApp/update')).toBeGreaterThan(domainStep);
    }
  });

  it.each(Object.entries(projects))('%s refers only to variables its env file, a step or the Bicep outputs define', (_, { file, env }) => {
    const known = new Set([...Object.keys(parseEnvFile(read(env))), ...writtenBy(file)]);
    const used = [
      ...placeholdersIn(JSON.stringify(file)),
      ...placeholdersIn(read('appPackage/manifest.json')),
      ...placeholdersIn(read('aad.manifest.json')),
      ...(file.provision.some((s) => s.uses === 'arm/deploy') ? placeholdersIn(read('infra/azure.parameters.json')) : []),
    ];
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it('write secrets only to SECRET_ variables, which the toolkit keeps in the git-ignored .user file', () => {
    const secrets = Object.values(projects).flatMap(({ file }) =>
      file.provision.flatMap((step) => Object.entries(step.writeToEnvironmentFile ?? {}).filter(([key]) => /secret|password/i.test(key))),
    );
    // The projects do write secrets (the bot password, the Entra client secret): each goes to a SECRET_ variable.
    expect(secrets.length).toBeGreaterThan(0);
    for (const [, variable] of secrets) expect(variable).toMatch(/^SECRET_/);
  });
});

describe('the Entra app manifest', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    identifierUris: string[];
    oauth2Permissions: Array<{ value: string; id: string }>;
    preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
    requiredResourceAccess: Array<{ resourceAccess: Array<{ id: string; type: string }> }>;
  };

  it('exposes access_as_user on api://<tab domain>/<client id>', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(['access_as_user']);
  });

  it('pre-authorises the Teams, Outlook and Microsoft 365 clients for that scope', () => {
    const clients = [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
      '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
      '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
      'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Outlook desktop
      'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
      '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
      '4345a7b9-9a63-4910-a426-35363201d503', // Microsoft 365 app
    ];
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(clients.sort());
    for (const app of aad.preAuthorizedApplications) expect(app.permissionIds).toEqual([aad.oauth2Permissions[0]!.id]);
  });

  it('requests Sites.Selected and installing itself for users as its only Graph application permissions (mail is scoped in Exchange instead)', () => {
    const roles = aad.requiredResourceAccess.flatMap((r) => r.resourceAccess.filter((a) => a.type === 'Role').map((a) => a.id));
    expect(roles).toEqual(['Sites.Selected', 'TeamsAppInstallation.ReadWriteSelfForUser.All']);
  });
});
