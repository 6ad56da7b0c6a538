import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '@/kernel/errors';
import { placeholdersIn, substitutePlaceholders } from '../../scripts/app-package/substitute';
import { MANIFEST_VERSION, validateManifest } from '../../scripts/app-package/validate-manifest';
import { sampleEnv } from './sample-env';

const root = path.join(__dirname, '..', '..');
const template = readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8');
const adminGuide = readFileSync(path.join(root, 'docs', 'ADMIN.md'), 'utf8');

/**
 * Every resource-specific permission the app may ask for, and why. Adding one to the manifest without
 * adding it here (and to docs/ADMIN.md) fails the build: schools must be able to see why each is needed.
 */
const RSC_ALLOW_LIST: Record<string, string> = {
  'ChatMessage.Read.Chat':
    'The bot reads the messages of the meeting chat or group chat it was added to, so agreed actions can be captured without an @mention on every line.',
  'OnlineMeeting.ReadBasic.Chat':
    "In a meeting chat the bot reads the meeting's title, so the proposed actions carry its pupil and meeting type.",
};

interface Manifest {
  $schema: string;
  manifestVersion: string;
  bots: Array<{ botId: string; scopes: string[]; supportsFiles: boolean; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[]; context: string[] }>;
  staticTabs: Array<{ entityId: string; name: string; contentUrl: string; scopes: string[] }>;
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  devicePermissions?: string[];
  permissions?: string[];
  authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
}

function sampleManifest(): Manifest {
  return JSON.parse(substitutePlaceholders(template, sampleEnv, 'test')) as Manifest;
}

describe('the app manifest template', () => {
  it('is valid against the official Teams schema once its placeholders are filled', () => {
    expect(() => validateManifest(sampleManifest())).not.toThrow();
  });

  it('targets the newest v1.x manifest schema that @microsoft/app-manifest ships', () => {
    const dir = path.dirname(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.5/MicrosoftTeams.schema.json'));
    const versions = readdirSync(path.dirname(dir))
      .map((name) => /^v1\.(\d+)$/.exec(name)?.[1])
      .filter((minor): minor is string => minor !== undefined)
      .map(Number);
    const newest = `1.${Math.max(...versions)}`;
    expect(MANIFEST_VERSION).toBe(newest);
    const manifest = sampleManifest();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('uses only the Agents Toolkit placeholders that provisioning fills', () => {
    expect(placeholdersIn(template).sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'].sort(),
    );
  });

  it('is rejected by the validator when a required field is broken', () => {
    const broken = { ...sampleManifest(), bots: [{ botId: 'not-a-guid', scopes: ['everywhere'] }] };
    try {
      validateManifest(broken);
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).problems.map((p) => p.path);
      expect(paths).toEqual(expect.arrayContaining(['/bots/0/botId', '/bots/0/scopes/0']));
    }
  });

  it('offers the bot in personal, team and group chat scopes without files, with help and capture commands', () => {
    const [bot] = sampleManifest().bots;
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.supportsFiles).toBe(false);
    const titles = bot?.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(titles).toEqual(expect.arrayContaining(['help', 'capture']));
  });

  it('offers a configurable tab in channels, group chats and meetings (chat tab, side panel, details)', () => {
    const [tab] = sampleManifest().configurableTabs;
    expect(tab?.configurationUrl).toBe(`${sampleEnv.TAB_ENDPOINT}/tab/config`);
    expect(tab?.scopes.sort()).toEqual(['groupChat', 'team']);
    expect(tab?.context.sort()).toEqual(['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'privateChatTab']);
  });

  it('has personal "My actions" and "Tracker" tabs on the tab domain, which Outlook and Microsoft 365 can host', () => {
    const manifest = sampleManifest();
    expect(manifest.staticTabs.map((t) => t.name)).toEqual(['My actions', 'Tracker']);
    for (const tab of manifest.staticTabs) {
      expect(tab.scopes).toEqual(['personal']);
      expect(new URL(tab.contentUrl).host).toBe(sampleEnv.TAB_DOMAIN);
    }
    expect(manifest.staticTabs[0]?.contentUrl).toBe(`${sampleEnv.TAB_ENDPOINT}/tab/?view=my-actions`);
    // Outlook and the Microsoft 365 app run personal tabs from manifest 1.13 when SSO and domains are declared.
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(13);
    expect(manifest.validDomains).toEqual([sampleEnv.TAB_DOMAIN]);
  });

  it('declares SSO with the Entra app id and its api:// resource on the tab domain', () => {
    expect(sampleManifest().webApplicationInfo).toEqual({
      id: sampleEnv.AAD_APP_CLIENT_ID,
      resource: `api://${sampleEnv.TAB_DOMAIN}/${sampleEnv.AAD_APP_CLIENT_ID}`,
    });
  });

  it('asks for no device permissions and no legacy permissions', () => {
    const manifest = sampleManifest();
    expect(manifest.devicePermissions ?? []).toEqual([]);
    expect(manifest.permissions ?? []).toEqual([]);
  });

  it('asks only for allow-listed resource-specific permissions, each justified in docs/ADMIN.md', () => {
    const rsc = sampleManifest().authorization.permissions.resourceSpecific;
    expect(rsc).toContainEqual({ name: 'ChatMessage.Read.Chat', type: 'Application' });
    for (const permission of rsc) {
      expect(Object.keys(RSC_ALLOW_LIST)).toContain(permission.name);
      expect(adminGuide).toContain(`\`${permission.name}\``);
    }
  });
});
