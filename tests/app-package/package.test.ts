import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, ValidationError } from '@/kernel/errors';
import { buildAppPackage, PACKAGE_FILES } from '../../scripts/app-package/build-package';
import { envFileText, sampleEnv } from './sample-env';
import { readZip } from './read-zip';

const root = path.join(__dirname, '..', '..');
const appPackageDir = path.join(root, 'appPackage');
let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'send-app-package-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function build(envName = 'dev', overrides: Record<string, string | undefined> = {}): string {
  return buildAppPackage({ envName, appPackageDir, envDir: work, outputDir: path.join(work, 'build'), overrides });
}

function manifestIn(zipPath: string): Record<string, unknown> {
  const entry = readZip(readFileSync(zipPath)).find((e) => e.name === 'manifest.json');
  return JSON.parse(entry!.data.toString('utf8')) as Record<string, unknown>;
}

describe('npm run package', () => {
  it('writes appPackage.<env>.zip holding exactly manifest.json, color.png and outline.png', () => {
    writeFileSync(path.join(work, '.env.dev'), envFileText(sampleEnv));
    const zipPath = build();
    expect(path.basename(zipPath)).toBe('appPackage.dev.zip');
    const entries = readZip(readFileSync(zipPath));
    expect(entries.map((e) => e.name).sort()).toEqual([...PACKAGE_FILES].sort());
    expect(entries.find((e) => e.name === 'color.png')!.data.equals(readFileSync(path.join(appPackageDir, 'color.png')))).toBe(true);
    expect(entries.find((e) => e.name === 'outline.png')!.data.equals(readFileSync(path.join(appPackageDir, 'outline.png')))).toBe(true);
  });

  it('fills every placeholder in the packaged manifest', () => {
    writeFileSync(path.join(work, '.env.dev'), envFileText(sampleEnv));
    const manifest = manifestIn(build());
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(sampleEnv.TEAMS_APP_ID);
    expect((manifest.name as { short: string }).short).toBe('SEND Tracker-dev');
  });

  it('produces a zip that the system unzip accepts, when unzip is installed', () => {
    writeFileSync(path.join(work, '.env.dev'), envFileText(sampleEnv));
    const zipPath = build();
    if (!existsSync('/usr/bin/unzip')) return; // optional cross-check; readZip above is the real test
    const listing = execFileSync('/usr/bin/unzip', ['-t', zipPath], { encoding: 'utf8' });
    expect(listing).toContain('No errors detected');
  });

  it('lets the git-ignored .user file override the committed env file', () => {
    writeFileSync(path.join(work, '.env.dev'), envFileText({ ...sampleEnv, BOT_ID: '' }));
    writeFileSync(path.join(work, '.env.dev.user'), `# written by provision\nBOT_ID="${sampleEnv.BOT_ID}"\n`);
    const manifest = manifestIn(build());
    expect((manifest.bots as Array<{ botId: string }>)[0]!.botId).toBe(sampleEnv.BOT_ID);
  });

  it('accepts an empty APP_NAME_SUFFIX, as production has none', () => {
    writeFileSync(path.join(work, '.env.prod'), envFileText({ ...sampleEnv, APP_NAME_SUFFIX: '' }));
    const manifest = manifestIn(build('prod'));
    expect((manifest.name as { short: string }).short).toBe('SEND Tracker');
  });

  it('fails naming every missing variable, and writes nothing', () => {
    const { BOT_ID: _bot, TAB_ENDPOINT: _tab, ...partial } = sampleEnv;
    writeFileSync(path.join(work, '.env.dev'), envFileText({ ...partial, AAD_APP_CLIENT_ID: '' }));
    expect(() => build()).toThrow(ConfigError);
    try {
      build();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('BOT_ID');
      expect(problems).toContain('TAB_ENDPOINT');
      expect(problems).toContain('AAD_APP_CLIENT_ID');
      expect(problems).not.toContain('TEAMS_APP_ID');
    }
    expect(existsSync(path.join(work, 'build'))).toBe(false);
  });

  it('fails with the schema problem when a value makes the manifest invalid', () => {
    writeFileSync(path.join(work, '.env.dev'), envFileText({ ...sampleEnv, TEAMS_APP_ID: 'my-app' }));
    expect(() => build()).toThrow(ValidationError);
    try {
      build();
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.path)).toContain('/id');
    }
  });

  it('exits 1 from the command line and lists the missing variables', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'package-app.ts'), '--env', 'no-such-env'],
      { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TEAMS_APP_ID');
    expect(result.stderr).toContain('env/.env.no-such-env');
  });
});
