import fs from 'node:fs';
import path from 'node:path';
import { measureBot } from './bot-bench';
import { measureCaptureAccuracy } from './capture-accuracy';
import { measureDigestRoundTrips, measureGraphRoundTrips, measureReminderRoundTrips } from './graph-round-trips';
import { measureEmbeddedStore } from './store-bench';
import { measureRegisterImport } from './register-import-bench';
import { measureDocumentStores } from './document-store-bench';
import { measureTab } from './tab-bench';

/**
 * `npm run bench`: every benchmark in one run, written to bench/results/results.{json,md} and printed.
 * Figures are measurements on this machine, compared with the targets in the benchmarks issue;
 * nothing here fails a build.
 */
async function main(): Promise<void> {
  const started = new Date();
  const bot = await measureBot(1000);
  const graph = await measureGraphRoundTrips();
  const reminders = await measureReminderRoundTrips(10_000);
  const digests = await measureDigestRoundTrips(200);
  const store = await measureEmbeddedStore(100_000);
  const realistic = await measureEmbeddedStore(100_000, 0.05);
  const tab = await measureTab({ rows: 5000 });
  const tab50k = await measureTab({ rows: 50_000 });
  const capture = measureCaptureAccuracy();
  const imported = await measureRegisterImport(1000);
  const documents = await measureDocumentStores(10);

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: [string, string, string][] = [
    [
      `Capture corpus: ${capture.lines} meeting lines in ${capture.messages} messages, actions lost / invented`,
      `${capture.lost} / ${capture.invented}`,
      '0 / 0',
    ],
    ...Object.entries(capture.accuracy).map(([field, pct]): [string, string, string] => [
      `Capture corpus: ${field} right`,
      `${pct}%`,
      '>= 97%',
    ]),
    ['Six-line annual review: interactions from typed lines to saved actions', `${capture.annualReviewInteractions}`, ''],
    ['Capture turn (5 actions -> card), p50 / p95', `${bot.capture.p50} / ${bot.capture.p95} ms`, ''],
    ['Bare echo bot, same SDK and server, p50 / p95', `${bot.echo.p50} / ${bot.echo.p95} ms`, ''],
    ['Capture p95 / echo p95', `${bot.captureToEchoP95}x`, '<= 2x'],
    ['Save click on the card, p50 / p95', `${bot.save.p50} / ${bot.save.p95} ms`, ''],
    ['Graph: save 20 actions', `${graph.save20.total} request(s)`, '1 = ceil(20/20)'],
    ['Graph: save 20 actions with idempotency keys', `${graph.save20WithIdempotencyKeys.total} request(s)`, '1 = ceil(20/20)'],
    [
      'Graph: the same 20 saved again (a Teams retry)',
      `${graph.resave20WithIdempotencyKeys.total} request(s)`,
      '2 = 1 batch (409 each) + 1 lookup',
    ],
    [
      `Graph: load ${graph.load.items} items (page ${graph.load.pageSize})`,
      `${graph.load.total} requests`,
      `${graph.load.expectedRequests} (within 10%)`,
    ],
    [
      'Graph: reminder task over 10,000 open items',
      `${reminders.used} requests`,
      `min ${reminders.minimumAtAll} (+${reminders.overMinimumPercent}%, within 10%)`,
    ],
    [
      'Graph: 200 weekly digests (claims + marks; mail not counted)',
      `${digests.used} requests`,
      `min ${digests.minimumAtAll} (+${digests.overMinimumPercent}%, within 10%)`,
    ],
    ...[store, realistic].flatMap((s): [string, string, string][] => {
      const label = `Embedded store, ${s.actions.toLocaleString('en-GB')} actions, ${s.open.toLocaleString('en-GB')} open`;
      const ms = (p: { p50: number; p95: number }) => `${p.p50} / ${p.p95} ms`;
      return [
        [`${label}: weekly check-in p50 / p95, reply`, `${ms(s.weeklyCheckIn)}, ${kb(s.weeklyCheckIn.replyBytes)}`, '< 20 ms, < 300 KB'],
        [`${label}: unbounded check-in (the old way, peer)`, `${ms(s.unboundedCheckIn)}, ${kb(s.unboundedCheckIn.replyBytes)}`, ''],
        [`${label}: first tracker page (50 of ${s.firstPage.total})`, ms(s.firstPage), ''],
        [`${label}: search + sort by owner (${s.searchPage.total} match)`, ms(s.searchPage), ''],
        [`${label}: owner query (${s.ownerQuery.items} items)`, ms(s.ownerQuery), ''],
      ];
    }),
    [
      `Register import, ${imported.pupils.toLocaleString('en-GB')} pupils (SIMS CSV: preview, changes, import), embedded: empty / same file again`,
      `${imported.firstMs} / ${imported.againMs} ms`,
      '',
    ],
    [
      `Register import, ${imported.pupils.toLocaleString('en-GB')} pupils, Graph requests (steps in batches): empty / same file again`,
      `${imported.graph.first} (${imported.graph.firstSteps}) / ${imported.graph.again} (${imported.graph.againSteps})`,
      `min ${imported.graph.minimumFirst} for the first`,
    ],
    [
      `Pupils' documents, ${documents.pupils} folders of ${documents.perPupil}: fill, embedded / SharePoint (stand-in)`,
      `${documents.embedded.fillMs} / ${documents.sharePoint.fillMs} ms`,
      '',
    ],
    [
      `Pupils' documents: one folder's list, p50, embedded / SharePoint (stand-in)`,
      `${documents.embedded.listMs} / ${documents.sharePoint.listMs} ms`,
      '',
    ],
    ...(
      [
        ['a folder listing', documents.graph.listing],
        ['an upload', documents.graph.upload],
        ['an upload that replaces the current one', documents.graph.replacingUpload],
        [`a ${(documents.graph.largeUpload.bytes / 1024 / 1024).toFixed(0)} MB upload (upload session)`, documents.graph.largeUpload],
        ['make current', documents.graph.makeCurrent],
      ] as const
    ).map(([what, f]): [string, string, string] => [`Graph: ${what}`, `${f.used} request(s)`, `min ${f.minimum}`]),
    ['Tab initial JS (raw / gzip)', `${kb(tab.initialJs.raw)} / ${kb(tab.initialJs.gzip)}`, '< 250 KB gzip'],
    ...[tab, tab50k].flatMap((t): [string, string, string][] => {
      const label = `Tracker, ${t.open.toLocaleString('en-GB')} open items`;
      const ms = (p: { p50: number; p95: number }) => `${p.p50} / ${p.p95} ms`;
      return [
        [
          `${label}: first load, bytes on the wire / requests / list requests`,
          `${kb(t.firstLoad.bytes)} / ${t.firstLoad.requests} / ${t.firstLoad.listRequests}`,
          '< 600 KB, 1 list request',
        ],
        [`${label}: first render (page 1 on screen), fresh browser / reopened`, `${t.firstRenderMs} / ${t.reopenMs} ms`, '< 1 s'],
        [`${label}: list page p50 / p95, reply (gzip / raw)`, `${ms(t.list)}, ${kb(t.list.gzipBytes)} / ${kb(t.list.bytes)}`, ''],
        [
          `${label}: check-in p50 / p95, reply (gzip / raw)`,
          `${ms(t.checkIn)}, ${kb(t.checkIn.gzipBytes)} / ${kb(t.checkIn.bytes)}`,
          '< 300 KB',
        ],
        [
          `${label}: SEN register view (1,000 pupils, 3 snapshots) after the tracker, bytes on the wire / requests (API replies; chart chunk)`,
          `${kb(t.registerView.bytes)} / ${t.registerView.requests} (API ${kb(t.registerView.apiBytes)} in ${t.registerView.apiRequests}; charts ${kb(t.registerView.chartBytes)})`,
          '',
        ],
        [
          `${label}: list API req/s vs bare restify, same page (remembered until the next write)`,
          `${t.throughput.ours} vs ${t.throughput.bare} (${t.throughput.ratio}x)`,
          'within 2x (>= 0.5x)',
        ],
      ];
    }),
  ];
  const markdown = [
    `# SEND Tracker benchmarks (${started.toISOString()}, Node ${process.version})`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');

  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'results.json'),
    JSON.stringify(
      { started, node: process.version, capture, bot, graph, reminders, digests, store, realistic, tab, tab50k, imported, documents },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(dir, 'results.md'), markdown);
  process.stdout.write(`${markdown}\nWritten to bench/results/results.json and results.md\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
