import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ValidationError } from '@/kernel/errors';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteDocumentStore } from '@/storage/sqlite/sqlite-document-store';
import { sencoActor } from '@tests/support/factories';
import { describeDocumentStoreContract } from './document-store.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-documents-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A fresh SQLite file and documents folder, as under DATA_DIR. */
function fresh() {
  const root = path.join(dir, `school-${++n}`);
  fs.mkdirSync(root);
  return { db: openDatabase(path.join(root, 'send-tracker.db')), files: path.join(root, 'documents') };
}

describeDocumentStoreContract('SQLite file and documents folder', async (now) => {
  const { db, files } = fresh();
  return new SqliteDocumentStore(db, files, now);
});

describe('SQLite document store', () => {
  it('keeps each file under the pupil’s folder by its id, and leaves no file behind when an upload is refused or its metadata fails', async () => {
    const { db, files } = fresh();
    const store = new SqliteDocumentStore(db, files);
    const doc = await store.upload({ pupilId: 'pupil-1', name: 'Plan.pdf', type: 'support_plan' }, Buffer.from('%PDF-1.7'), sencoActor);
    expect(fs.readdirSync(path.join(files, 'pupil-1'))).toEqual([doc.id]);

    await expect(store.upload({ pupilId: 'pupil-1', name: 'x.exe', type: 'report' }, Buffer.from('MZ'), sencoActor)).rejects.toThrow(
      ValidationError,
    );
    await expect(store.upload({ pupilId: '../escape', name: 'x.pdf', type: 'report' }, Buffer.from('%PDF'), sencoActor)).rejects.toThrow(
      ValidationError,
    );
    // The metadata write fails after the file is in place (the database has gone): the file goes too.
    db.close();
    await expect(store.upload({ pupilId: 'pupil-1', name: 'Report.pdf', type: 'report' }, Buffer.from('%PDF'), sencoActor)).rejects.toThrow(
      'The database connection is not open',
    );
    expect(fs.readdirSync(path.join(files, 'pupil-1'))).toEqual([doc.id]);
    expect(fs.readdirSync(files)).toEqual(['pupil-1']);
  });

  it('refuses a raw DELETE of a document or an event, and a raw change to an event', async () => {
    const { db, files } = fresh();
    await new SqliteDocumentStore(db, files).upload(
      { pupilId: 'pupil-1', name: 'Plan.pdf', type: 'support_plan' },
      Buffer.from('%PDF'),
      sencoActor,
    );
    expect(() => db.prepare('DELETE FROM pupil_documents').run()).toThrow('pupil documents are kept, never deleted');
    expect(() => db.prepare('DELETE FROM pupil_document_events').run()).toThrow('document events are append-only');
    expect(() => db.prepare("UPDATE pupil_document_events SET data = '{}'").run()).toThrow('document events are append-only');
  });
});
