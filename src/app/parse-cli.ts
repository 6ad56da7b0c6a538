/**
 * `npm run --silent parse -- --now 2026-04-23T10:00 "text"`: prints the proposed actions as JSON,
 * read with the demo school's pupils and roles. Exit codes: 0 done, 2 bad arguments.
 */
import { ValidationError } from '@/kernel/errors';
import { CLI_USAGE, parseCliArgs } from './parse-cli-options';
import { demoContext } from './demo/demo-context';
import { parseMessage } from '@/capture/parse/parse-actions';
import { presentActions } from '@/capture/parse/present-actions';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    process.stderr.write(`parse: ${error.message}\n${CLI_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${CLI_USAGE}\n`);
    return 0;
  }
  const text = options.text ?? (await readStdin());
  process.stdout.write(`${JSON.stringify(presentActions(parseMessage(text, demoContext(text, options))), null, 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`parse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
