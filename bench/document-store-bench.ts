import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/kernel/action';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { DocumentType } from '@/kernel/pupil-document';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteDocumentStore } from '@/storage/sqlite/sqlite-document-store';
import { UPLOAD_FRAGMENT_BYTES } from '@/storage/sharepoint/sharepoint-document-store';
import { startProvisionedSite } from '@tests/graph-stand-in/provisioned-site';

const BY: Actor = { id: 'senco-1', name: 'Priya Shah' };
/** What a pupil on SEN support gathers in a few years: a plan a term, profiles, reports, minutes, letters. */
const FOLDER: [DocumentType, number][] = [
  ['support_plan', 9],
  ['one_page_profile', 3],
  ['report', 6],
  ['minutes', 9],
  ['correspondence', 5],
];
const pdf = (bytes: number) => {
  const b = Buffer.alloc(bytes, 0x20);
  b.write('%PDF-1.7\n', 0, 'latin1');
  return b;
};

export interface DocumentFigures {
  pupils: number;
  perPupil: number;
  /** Wall time to fill every folder (each upload made current, so earlier versions are superseded), then list one folder, p50 of 20. */
  embedded: { fillMs: number; listMs: number };
  sharePoint: { fillMs: number; listMs: number };
  /**
   * Graph requests, outer (a fragment PUT counts), against the fewest the operation can take, in a
   * running instance (the library's drive and the pupil's folder known).
   */
  graph: {
    listing: { used: number; minimum: number };
    upload: { used: number; minimum: number };
    replacingUpload: { used: number; minimum: number };
    largeUpload: { bytes: number; used: number; minimum: number };
    makeCurrent: { used: number; minimum: number };
  };
}

async function fill(store: DocumentStore, pupils: number): Promise<number> {
  const started = performance.now();
  for (let p = 0; p < pupils; p++)
    for (const [type, count] of FOLDER)
      for (let i = 0; i < count; i++)
        await store.upload({ pupilId: `pupil-${p}`, name: `${type} ${i}.pdf`, type, reviewDate: '2027-02-01' }, pdf(40_000), BY);
  return Math.round(performance.now() - started);
}

async function listP50(store: DocumentStore): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await store.list('pupil-0');
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[10]! * 10) / 10;
}

/** Pupils' documents in both stores; the SharePoint adapter against the Graph stand-in, counted. */
export async function measureDocumentStores(pupils = 10): Promise<DocumentFigures> {
  const perPupil = FOLDER.reduce((n, [, c]) => n + c, 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-bench-documents-'));
  const db = openDatabase(path.join(dir, 'documents.db'));
  let embedded: DocumentFigures['embedded'];
  try {
    const sqlite = new SqliteDocumentStore(db, path.join(dir, 'files'));
    embedded = { fillMs: await fill(sqlite, pupils), listMs: await listP50(sqlite) };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const site = await startProvisionedSite();
  try {
    const store = site.registerStores().documents;
    const fillMs = await fill(store, pupils);
    const counted = async (run: () => Promise<unknown>) => {
      site.standIn.resetCounts();
      await run();
      return Object.values(site.standIn.requestCounts()).reduce((a, b) => a + b, 0);
    };
    const listing = await counted(() => store.list('pupil-0'));
    const upload = await counted(() =>
      store.upload({ pupilId: 'pupil-0', name: 'Letter.pdf', type: 'correspondence', makeCurrent: false }, pdf(40_000), BY),
    );
    const replacing = await counted(() =>
      store.upload({ pupilId: 'pupil-0', name: 'Plan spring.pdf', type: 'support_plan' }, pdf(200_000), BY),
    );
    const largeBytes = 12 * 1024 * 1024;
    const large = await counted(() =>
      store.upload({ pupilId: 'pupil-0', name: 'EHC plan scan.pdf', type: 'ehc_plan', makeCurrent: false }, pdf(largeBytes), BY),
    );
    const plans = (await store.list('pupil-0')).filter((d) => d.type === 'support_plan' && d.status !== 'current');
    const makeCurrent = await counted(() => store.makeCurrent(plans[0]!.id, plans[0]!.version, BY));
    return {
      pupils,
      perPupil,
      embedded,
      sharePoint: { fillMs, listMs: await listP50(store) },
      graph: {
        // One read of the folder's items with their columns.
        listing: { used: listing, minimum: 1 },
        // The bytes, then the file's columns (Graph takes no columns with the bytes).
        upload: { used: upload, minimum: 2 },
        // Also the replaced one's columns: three writes (which one it replaces takes a read of the folder too).
        replacingUpload: { used: replacing, minimum: 3 },
        // The session, one PUT per 5 MiB fragment, the columns.
        largeUpload: { bytes: largeBytes, used: large, minimum: 1 + Math.ceil(largeBytes / UPLOAD_FRAGMENT_BYTES) + 1 },
        // The two files' columns and one read of the folder (the document's version and which one it
        // replaces); the route has only the document's id, so ours reads the document first to learn its pupil.
        makeCurrent: { used: makeCurrent, minimum: 3 },
      },
    };
  } finally {
    await site.standIn.close();
  }
}
