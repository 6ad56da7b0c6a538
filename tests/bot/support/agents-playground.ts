import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

const CLI = path.resolve(__dirname, '../../../node_modules/@microsoft/m365agentsplayground/cli.js');

/** One message the playground pushes on its conversation stream (a bot reply or an update). */
export interface StreamEvent {
  action: string;
  actionConversationId?: string;
  message?: { messageId: string; from: { id: string }; text?: string; attachments?: { contentType: string; content: any }[] };
}

/**
 * Microsoft 365 Agents Playground 0.2.28, offline, pointed at our bot. Drives it through its
 * undocumented HTTP endpoints (pinned version): config, post a message, invoke a card action; bot
 * replies arrive on its WebSocket stream.
 */
export async function startAgentsPlayground(botEndpoint: string) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-playground-'));
  const child: ChildProcess = spawn(process.execPath, [CLI, '-e', botEndpoint, '-c', 'msteams', '--disable-telemetry'], {
    cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`playground exited (${code}): ${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const events: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (raw) => {
    events.push(JSON.parse(raw.toString()) as StreamEvent);
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const json = async (res: Response) => {
    const text = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    base,
    config: async () => (await json(await fetch(`${base}/_internal/v1/config`))).config,
    /** Types a message in a conversation as `fromId`, with @mentions ({ id, text: '<at>Name</at>' }). */
    say: async (conversationId: string, fromId: string, text: string, mentions: { id: string; text: string }[]) =>
      json(
        await fetch(`${base}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            from: { id: fromId },
            text,
            textFormat: 'plain',
            mentions: mentions.map((m) => ({ mentioned: { id: m.id }, text: m.text })),
          }),
        }),
      ),
    /** Clicks an Action.Execute button on the card in message `replyToId`; returns the invoke response. */
    click: async (conversationId: string, fromId: string, replyToId: string, verb: string, data: Record<string, unknown>) =>
      json(
        await fetch(`${base}/_conversation/v1/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
            from: { id: fromId },
            conversation: { id: conversationId },
            replyToId,
          }),
        }),
      ),
    /** Resolves with the first stream event (already received or not) that matches. */
    waitFor: async (match: (e: StreamEvent) => boolean): Promise<StreamEvent> => {
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
    events,
    stop: async () => {
      ws.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}
