import { AppError } from '@/kernel/errors';
import { PUPIL_RECORDS_LIBRARY } from '@/storage/sharepoint/list-schema';
import { SIMPLE_UPLOAD_BYTES, UPLOAD_FRAGMENT_BYTES } from '@/storage/sharepoint/sharepoint-document-store';
import { useStandInSites } from '@tests/graph-stand-in/provisioned-site';
import { sencoActor, teacherActor } from '@tests/support/factories';
import { describeDocumentStoreContract, pdf, plan } from './document-store.contract';

const newSite = useStandInSites();

// A page of one, so every read of a pupil's documents also crosses @odata.nextLink.
describeDocumentStoreContract(
  'SharePoint pupil records library via Graph (stand-in)',
  async (now) => (await newSite()).registerStores({ now, pageSize: 1 }).documents,
);

describe('SharePoint document store', () => {
  it('keeps each file in its pupil’s folder, with the columns a person reads in SharePoint and the link that opens it', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const doc = await store.upload(plan('Support plan.pdf'), pdf('v1'), sencoActor);

    const library = site.standIn.store.findList('SEND Pupil Records')!;
    const { drives } = site.standIn.store;
    const file = drives.items.get(doc.id)!;
    expect(drives.pathOf(file)).toEqual(['pupil-1', 'Support plan.pdf']);
    expect(library.items.get(file.listItemId!)!.fields).toMatchObject({
      FileLeafRef: 'Support plan.pdf',
      PupilId: 'pupil-1',
      DocumentType: 'Support plan',
      DocumentStatus: 'Current',
      ReviewDate: '2027-02-01',
      RecordVersion: 1,
    });
    expect(doc.webUrl).toBe('https://oakfield.sharepoint.example/sites/send/SEND%20Pupil%20Records/pupil-1/Support%20plan.pdf');
    // Every filter the store sends is on an indexed column: the stand-in refuses any other, as Graph does.
    expect(library.columns.filter((c) => c.indexed).map((c) => c.name)).toEqual(['PupilId', 'DocumentStatus', 'ReviewDate']);
  });

  it('never overwrites a file of the same name: the second "Support plan.pdf" is kept beside the first', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const first = await store.upload(plan('Support plan.pdf'), pdf('autumn'), sencoActor);
    const second = await store.upload(plan('Support plan.pdf'), pdf('spring'), sencoActor);
    const { drives } = site.standIn.store;
    expect(drives.items.get(second.id)!.name).toBe('Support plan 1.pdf');
    expect(second.name).toBe('Support plan.pdf');
    expect(Buffer.from(await store.content(first.id))).toEqual(pdf('autumn'));
    expect(Buffer.from(await store.content(second.id))).toEqual(pdf('spring'));
  });

  it('shows an edit saved in Word for the web as a newer version of the file, whose bytes are then the ones served', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const doc = await store.upload(plan('Support plan.pdf'), pdf('as uploaded'), sencoActor);
    site.standIn.store.drives.editInOffice(doc.id, pdf('with the new targets'), 'Priya Shah');
    expect((await store.fileVersions(doc.id)).map((v) => [v.label, v.by, v.size])).toEqual([
      ['2.0', 'Priya Shah', pdf('with the new targets').length],
      ['1.0', `${sencoActor.name} (through SEND Tracker)`, pdf('as uploaded').length],
    ]);
    expect(Buffer.from(await store.content(doc.id))).toEqual(pdf('with the new targets'));
  });

  it('sends a large file through an upload session in 320 KiB-multiple fragments with no bearer token, and reads it back whole', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    await store.upload(plan('Warm-up.pdf', { type: 'report' }), pdf('x'), sencoActor); // folder and drive known
    site.standIn.resetCounts();
    const size = 2 * UPLOAD_FRAGMENT_BYTES + 12345;
    const scan = Buffer.alloc(size, 7);
    scan.write('%PDF-1.7', 0, 'latin1');
    const doc = await store.upload(plan('EHC plan scan.pdf', { type: 'ehc_plan' }), scan, sencoActor);
    expect(size).toBeGreaterThan(SIMPLE_UPLOAD_BYTES);
    expect(doc.size).toBe(size);
    const uploads = site.standIn.log.filter((r) => r.operation === 'upload bytes');
    expect(uploads.map((r) => r.status)).toEqual([202, 202, 201]);
    expect(site.standIn.requestCounts()).toMatchObject({ 'create upload session': 1, 'upload bytes': 3, 'update listItem fields': 1 });
    expect(site.standIn.requestCounts()['upload content']).toBeUndefined();
    expect(Buffer.from(await store.content(doc.id)).equals(scan)).toBe(true);
  });

  it('resumes an upload session after a fragment is throttled or its connection drops, asking the session what it still needs', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const scan = Buffer.alloc(3 * UPLOAD_FRAGMENT_BYTES, 3);
    scan.write('%PDF-1.7', 0, 'latin1');
    site.standIn.inject({ operation: 'upload bytes', kind: 'throttle', retryAfterSeconds: 0 });
    site.standIn.inject({ operation: 'upload bytes', kind: 'drop' });
    const doc = await store.upload(plan('Scan.pdf', { type: 'report' }), scan, sencoActor);
    expect(site.standIn.requestCounts()).toMatchObject({ 'upload bytes': 5, 'upload status': 2 });
    expect(Buffer.from(await store.content(doc.id)).equals(scan)).toBe(true);
  });

  it('rides out a throttle or an outage on every request of an upload and a make-current, losing and doubling nothing', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const first = await store.upload(plan('v1.pdf'), pdf('v1'), sencoActor);
    for (const operation of ['list items', 'upload content', 'update listItem fields', 'get listItem'])
      site.standIn.inject({ operation, kind: 'throttle', retryAfterSeconds: 0 });
    site.standIn.inject({ operation: 'update listItem fields', kind: 'unavailable', retryAfterSeconds: 0 });
    // Sent as bytes: a PUT the Graph SDK's own retry handler would not send twice.
    const second = await store.upload(
      plan('v2.pdf', { makeCurrent: false, contentType: 'application/octet-stream' }),
      pdf('v2'),
      sencoActor,
    );
    await store.makeCurrent(second.id, second.version, sencoActor);
    expect(site.standIn.log.filter((r) => r.status === 429 || r.status === 503)).toHaveLength(5);
    expect((await store.list('pupil-1')).map((d) => [d.id, d.status])).toEqual([
      [second.id, 'current'],
      [first.id, 'superseded'],
    ]);
    expect([...site.standIn.store.drives.items.values()].filter((i) => !i.folder)).toHaveLength(2);
  });

  it('makes the pupil’s folder again after someone deleted it in SharePoint, at the cost of one failed upload', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const first = await store.upload(plan('v1.pdf'), pdf('v1'), sencoActor);
    const { drives } = site.standIn.store;
    const folder = drives.items.get(drives.items.get(first.id)!.parentId!)!;
    drives.remove(site.standIn.store.drives.drives.values().next().value!, folder); // gone from the library
    await expect(store.upload(plan('Report.pdf', { type: 'report' }), pdf('r'), sencoActor)).rejects.toThrow(AppError);
    const again = await store.upload(plan('Report.pdf', { type: 'report' }), pdf('r'), sencoActor);
    expect(drives.pathOf(drives.items.get(again.id)!)).toEqual(['pupil-1', 'Report.pdf']);
  });

  it('leaves the register working on a site upgraded before provisioning, and says to run provision for the documents', async () => {
    const site = await newSite();
    const store = site.standIn.store;
    store.lists.splice(store.lists.indexOf(store.findList(PUPIL_RECORDS_LIBRARY.displayName)!), 1); // as before this release
    const stores = site.registerStores();
    expect(await stores.register.list()).toEqual([]);
    await expect(stores.documents.list('pupil-1')).rejects.toThrow(
      /"SEND Pupil Records" does not exist on the site\. Run `npm run provision`/,
    );
  });

  it('removes the file again when its columns cannot be written, so a failed upload leaves nothing', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    await store.upload(plan('Plan.pdf'), pdf('v1'), sencoActor);
    site.standIn.inject({ operation: 'update listItem fields', kind: 'forbidden' });
    await expect(store.upload(plan('Report.pdf', { type: 'report' }), pdf('r'), sencoActor)).rejects.toThrow(AppError);
    const { drives } = site.standIn.store;
    expect([...drives.items.values()].map((i) => i.name).sort()).toEqual(['Plan.pdf', 'pupil-1', 'root']);
    expect((await store.list('pupil-1')).map((d) => d.name)).toEqual(['Plan.pdf']);
  });

  it('supersedes the earlier current one even when it changed between the read and the write (412), and never leaves two current', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    const other = site.registerStores().documents; // a second instance
    const first = await store.upload(plan('v1.pdf'), pdf('v1'), sencoActor);
    const second = await store.upload(plan('v2.pdf', { makeCurrent: false }), pdf('v2'), sencoActor);
    // Between this instance's read of the pupil's documents and its write, another instance changes v1
    // (a review date set in SharePoint would do the same to its eTag).
    site.standIn.beforeNext('update listItem fields', async () => {
      site.standIn.beforeNext('update listItem fields', async () => {
        const list = site.standIn.store.findList('SEND Pupil Records')!;
        const item = list.items.get(site.standIn.store.drives.items.get(first.id)!.listItemId!)!;
        item.etagVersion += 1;
      });
    });
    const { document, superseded } = await store.makeCurrent(second.id, second.version, teacherActor);
    expect(document.status).toBe('current');
    expect(superseded).toMatchObject({ id: first.id, status: 'superseded' });
    expect((await other.list('pupil-1')).map((d) => [d.name, d.status])).toEqual([
      ['v2.pdf', 'current'],
      ['v1.pdf', 'superseded'],
    ]);
  });

  it('costs the minimum of Graph requests: one per folder listing, and per upload the bytes, the columns and the superseded one', async () => {
    const site = await newSite();
    const store = site.registerStores().documents;
    await store.upload(plan('v1.pdf'), pdf('v1'), sencoActor);
    const first = site.standIn.requestCounts();
    site.standIn.resetCounts();
    await store.upload(plan('v2.pdf'), pdf('v2'), sencoActor);
    const later = site.standIn.requestCounts();
    site.standIn.resetCounts();
    await store.list('pupil-1');
    const listing = site.standIn.requestCounts();

    // First upload of a process for a new pupil: the library's id and drive, the folder looked for and made.
    expect(first).toEqual({
      'list lists': 1,
      'get drive': 1,
      'list items': 1,
      'get drive item': 1,
      'create folder': 1,
      'upload content': 1,
      'update listItem fields': 1,
    });
    // Later: the pupil's documents (which one it replaces), the bytes, its columns, the replaced one's columns.
    expect(later).toEqual({ 'list items': 1, 'upload content': 1, 'update listItem fields': 2 });
    expect(listing).toEqual({ 'list items': 1 });
  });
});
