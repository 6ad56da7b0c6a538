import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startIngestionStandIn } from '@tests/support/ingestion-stand-in';
import { parseYaml } from '@tests/app-package/yaml';

/**
 * The deploy as written, on a copy of the tree: the `cli/runNpmCommand` steps of teamsapp.yml's
 * `deploy` (npm ci, npm run build --if-present, npm prune --omit=dev), the upload minus
 * infra/.webappignore, then App Service's startup command (`appCommandLine` in infra/azure.bicep).
 * The started artifact must serve the tab and /api/health. npm uses its cache first; the test is
 * skipped, and says so, only when the registry cannot be reached for something the cache lacks.
 */
const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
  uses: string;
  with?: { args?: string };
}

/** The tree as a clean clone has it: tracked files and untracked ones git does not ignore. */
function copyTree(to: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
}

/** What zipDeploy leaves out: `dir/` at the top, `*.ext` anywhere, or an exact path. */
function applyIgnoreFile(dir: string, ignoreFile: string): void {
  const patterns = fs
    .readFileSync(ignoreFile, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const walk = (at: string): string[] =>
    fs
      .readdirSync(at, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() && e.name !== 'node_modules' ? walk(path.join(at, e.name)) : [path.join(at, e.name)]));
  for (const pattern of patterns) {
    if (pattern.startsWith('*.'))
      for (const file of walk(dir).filter((f) => f.endsWith(pattern.slice(1)))) fs.rmSync(file, { force: true });
    else fs.rmSync(path.join(dir, pattern.replace(/\/$/, '')), { recursive: true, force: true });
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

// The variables of the `npm test` that runs this (its lifecycle and package) must not leak into the
// deploy's npm; configuration (npm_config_*, e.g. the Node headers CI builds native modules against) stays.
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(lifecycle|package|command|execpath|node_execpath)/i.test(k)));

describe('the deploy, as teamsapp.yml and the Bicep write it', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'send-deploy-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it(
    'builds, prunes, ships and starts with plain node: the tab and /api/health answer, and requests reach Application Insights',
    async () => {
      const project = parseYaml(read('teamsapp.yml')) as { deploy: Step[] };
      const npmSteps = project.deploy.filter((s) => s.uses === 'cli/runNpmCommand').map((s) => s.with!.args!);
      expect(npmSteps).toEqual(['ci --no-audit --no-fund', 'run build --if-present', 'prune --omit=dev']);
      const startup = /appCommandLine: '([^']+)'/.exec(read('infra/azure.bicep'))?.[1];
      expect(startup).toMatch(/^node /); // no npm, no tsx, no build in production

      const app = path.join(work, 'app');
      copyTree(app);
      for (const args of npmSteps) {
        const run = spawnSync('npm', [...args.split(' '), '--prefer-offline'], {
          cwd: app,
          env: cleanEnv(),
          encoding: 'utf8',
          timeout: 8 * 60_000,
        });
        if (run.status !== 0 && /ENOTFOUND|ENOTCACHED|EAI_AGAIN|ECONNREFUSED/.test(`${run.stdout}${run.stderr}`)) {
          console.warn(`deploy test skipped: the npm registry cannot be reached for "npm ${args}"`);
          return;
        }
        expect([args, run.status, run.status === 0 ? '' : run.stderr.slice(-2000)]).toEqual([args, 0, '']);
      }
      applyIgnoreFile(app, path.join(app, 'infra/.webappignore'));
      // What runs in production: the built server and tab; the build tools are gone with the dev dependencies.
      for (const built of ['dist/server/main.js', 'dist/tab/index.html']) expect(fs.existsSync(path.join(app, built))).toBe(true);
      // The tab is built before the prune, so React and Fluent UI (build-time only, ~390 MB) do not ship
      // either. Named package by package: npm leaves an emptied scope folder (`@fluentui/`) behind.
      const buildOnly = ['vite', 'tsx', 'esbuild', 'react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons'].map(
        (name) => `node_modules/${name}`,
      );
      for (const gone of [...buildOnly, 'tests', 'infra']) expect(fs.existsSync(path.join(app, gone))).toBe(false);

      const port = await freePort();
      const ingestion = await startIngestionStandIn(); // Application Insights, as the Bicep connects it
      const [command, ...args] = startup!.split(' ');
      const server = spawn(command!, args, {
        cwd: app,
        env: {
          ...cleanEnv(),
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: path.join(work, 'data'),
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
          APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
          APPLICATIONINSIGHTS_TRACES_PER_SECOND: '0',
          NODE_EXTRA_CA_CERTS: ingestion.caFile,
          TMPDIR: work, // the exporter's store of unsent telemetry, kept apart from the telemetry test's server
        },
      });
      try {
        await new Promise<void>((resolve, reject) => {
          let output = '';
          server.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes('SEND Tracker is running')) resolve();
          });
          server.once('exit', (code) => reject(new Error(`the artifact exited with ${code}: ${output}`)));
        });
        const base = `http://127.0.0.1:${port}`;
        const health = await fetch(`${base}/api/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'ok', mode: 'embedded' });
        const tab = await fetch(`${base}/tab/`);
        expect(tab.status).toBe(200);
        expect(await tab.text()).toContain('<div id="root">');
        // The demo school's register is seeded with a pupil whose EHC plan review is six weeks away.
        const statutory = await fetch(`${base}/api/check-in/statutory`);
        expect(((await statutory.json()) as { comingUp: { description: string }[] }).comingUp.map((r) => r.description)).toEqual([
          'Send annual review invitations and circulate the advice gathered',
          'Hold the annual review meeting',
        ]);
        // The bundle starts telemetry before anything loads http: its requests are traced.
        server.kill('SIGTERM');
        await ingestion.waitFor((e) => e.data?.baseType === 'RequestData' && e.data.baseData?.name === 'GET /tab/');
      } finally {
        server.kill();
        await ingestion.close();
      }
    },
    15 * 60_000,
  );
});
