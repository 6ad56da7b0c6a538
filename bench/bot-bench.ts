import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { App } from '@microsoft/teams.apps';
import restify from 'restify';
import { RestifyAdapter } from '@bot/restify-adapter';
import { sdkLogger } from '@bot/sdk-logger';
import { CAPTURE_VERBS } from '@/capture/cards/capture-verbs';
import { createLogger } from '@/platform/logger';
import { TOM, buttonData, cardAction, cardInputs, meetingMessage } from '@tests/bot/support/activities';
import { startBotServer } from '@tests/bot/support/bot-server';
import { startFakeConnector } from '@tests/bot/support/fake-connector';
import { percentiles, round, timeRuns, type Percentiles } from './measure';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

export interface BotFigures {
  turns: number;
  echo: Percentiles;
  capture: Percentiles;
  /** Save all on the card; after the first click these are Teams-style retries, answered without duplicates. */
  save: Percentiles;
  /** capture p95 / echo p95: the target is at most 2. */
  captureToEchoP95: number;
}

/** Five actions as a SENCO types them at the end of a meeting. */
const FIVE_ACTIONS = [
  'Agreed actions:',
  "- <at>Tom Reed</at> to phone J.B.'s parent by Friday",
  '- SENCO to send the EP referral for J.B. by 7/5',
  "- Attendance lead to meet A.K.'s parents in two weeks",
  '- <at>Tom Reed</at> to start precision teaching for M.T. by 1 May',
  '- SENCO to update the pupil passport for S.O. by end of the week',
].join('\n');

/** A bare echo bot on the same SDK, adapter and server: the floor a capture turn is compared with. */
async function startEchoBot() {
  const logger = createLogger('silent');
  const adapter = new RestifyAdapter({ loopbackOnly: true, logger });
  const app = new App({
    httpServerAdapter: adapter,
    logger: sdkLogger(logger),
    messagingEndpoint: '/api/messages',
    dangerouslyAllowUnauthenticatedRequests: true,
  });
  app.on('message', async (ctx) => {
    await ctx.send(ctx.activity.text);
  });
  await app.initialize();
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  adapter.mount(server);
  const url = `${(await listenOnLoopback(server)).url}/api/messages`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** One capture turn against an in-process connector, to read the card a Save click answers. */
async function proposedCard(botUrl: string): Promise<any> {
  const local = await startFakeConnector([TOM]);
  try {
    await post(`${botUrl}/api/messages`, meetingMessage(local.url, FIVE_ACTIONS, { mentions: [{ id: TOM.id, name: TOM.name }] }));
    return local.replies().at(-1)!.body.attachments[0].content;
  } finally {
    await local.close();
  }
}

/** The connector stand-in as a child process: its work is not counted against the bot's turn. */
async function startConnectorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join(__dirname, 'fake-connector-process.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`connector exited with ${code}`)));
  });
  return { url, child };
}

async function post(url: string, activity: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
}

/**
 * Server-side time of a turn over HTTP on loopback, including the bot's calls to the Bot Connector
 * stand-in (the POST returns when the turn has finished): a capture turn (5 actions -> card), a Save
 * click, and a bare echo bot for comparison, interleaved so both see the same machine load.
 */
export async function measureBot(turns = 1000): Promise<BotFigures> {
  const connector = await startConnectorProcess();
  const bot = await startBotServer({ now: new Date() });
  const echo = await startEchoBot();
  try {
    const message = () => meetingMessage(connector.url, FIVE_ACTIONS, { mentions: [{ id: TOM.id, name: TOM.name }] });
    for (let i = 0; i < 50; i++) {
      await post(echo.url, message());
      await post(`${bot.url}/api/messages`, message());
    }
    const echoTimes: number[] = [];
    const captureTimes: number[] = [];
    for (let i = 0; i < turns; i++) {
      echoTimes.push((await timeRuns(1, () => post(echo.url, message()))).p50);
      captureTimes.push((await timeRuns(1, () => post(`${bot.url}/api/messages`, message()))).p50);
    }
    const card = await proposedCard(bot.url);
    const data = { ...buttonData(card, CAPTURE_VERBS.saveAll), ...cardInputs(card) };
    const save = await timeRuns(Math.min(turns, 200), () =>
      post(`${bot.url}/api/messages`, cardAction(connector.url, CAPTURE_VERBS.saveAll, data)),
    );
    const echoP = percentiles(echoTimes);
    const captureP = percentiles(captureTimes);
    return { turns, echo: echoP, capture: captureP, save, captureToEchoP95: round(captureP.p95 / echoP.p95) };
  } finally {
    await bot.close();
    await echo.close();
    connector.child.kill();
  }
}
