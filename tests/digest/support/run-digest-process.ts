// Runs one WeeklyDigestTask in its own process: `tsx run-digest-process.ts <db file> <outbox dir>`.
import { digestTask, MONDAY, outboxSender } from './digest-fixture';

async function main(): Promise<void> {
  const [file, outboxDir] = process.argv.slice(2);
  if (!file || !outboxDir) throw new Error('usage: run-digest-process <db file> <outbox dir>');
  const { task } = digestTask(file, outboxSender(outboxDir));
  const result = await task.run(MONDAY);
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
