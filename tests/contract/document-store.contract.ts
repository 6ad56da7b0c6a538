import { ConflictError, NotFoundError, ValidationError } from '@/kernel/errors';
import type { DocumentStore } from '@/kernel/ports/document-store';
import { MAX_DOCUMENT_BYTES } from '@/kernel/pupil-document';
import { sencoActor, teacherActor } from '@tests/support/factories';

/** Builds a fresh, empty store whose clock reads `now()`. */
export type DocumentStoreFactory = (now: () => Date) => Promise<DocumentStore>;

/** A small PDF's bytes, and a support plan's details for pupil-1 (shared with the adapters' own tests). */
export const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`, 'latin1');
export const plan = (name: string, extra: Record<string, unknown> = {}) => ({
  pupilId: 'pupil-1',
  name,
  type: 'support_plan' as const,
  reviewDate: '2027-02-01',
  contentType: 'application/pdf',
  ...extra,
});

/** The behaviour every DocumentStore adapter must have. */
export function describeDocumentStoreContract(name: string, makeStore: DocumentStoreFactory): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let clock: Date;

    beforeEach(async () => {
      clock = new Date('2026-11-02T09:00:00Z');
      store = await makeStore(() => clock);
    });

    it('keeps an upload in the pupil’s folder as the current one of its type, with who and when, and gives its bytes back', async () => {
      const doc = await store.upload(plan('Support plan autumn.pdf'), pdf('autumn'), sencoActor);
      expect(doc).toMatchObject({
        pupilId: 'pupil-1',
        name: 'Support plan autumn.pdf',
        type: 'support_plan',
        status: 'current',
        reviewDate: '2027-02-01',
        contentType: 'application/pdf',
        size: pdf('autumn').length,
        uploadedBy: sencoActor,
        uploadedAt: '2026-11-02T09:00:00.000Z',
        supersededAt: null,
        version: 1,
      });
      expect(await store.get(doc.id)).toEqual(doc);
      expect(await store.list('pupil-1')).toEqual([doc]);
      expect(await store.list('pupil-2')).toEqual([]);
      expect(Buffer.from(await store.content(doc.id))).toEqual(pdf('autumn'));
      // As uploaded: one version of the file, by the person who added it.
      expect(await store.fileVersions(doc.id)).toEqual([
        { label: '1.0', at: expect.any(String), by: expect.stringContaining(sencoActor.name), size: pdf('autumn').length },
      ]);
      await expect(store.fileVersions('no-such-document')).rejects.toThrow(NotFoundError);
      expect(await store.events('pupil-1')).toEqual([
        { documentId: doc.id, pupilId: 'pupil-1', what: 'uploaded', by: sencoActor, at: '2026-11-02T09:00:00.000Z' },
      ]);
    });

    it('makes a later version current and keeps the earlier one as superseded, never deleted, each change recorded', async () => {
      const first = await store.upload(plan('Support plan v1.pdf'), pdf('v1'), sencoActor);
      clock = new Date('2026-11-09T09:00:00Z');
      const second = await store.upload(plan('Support plan v2.pdf', { makeCurrent: false }), pdf('v2'), teacherActor);
      expect(second.status).toBe('not_current');
      expect((await store.get(first.id)).status).toBe('current');

      clock = new Date('2026-11-10T09:00:00Z');
      const { document, superseded } = await store.makeCurrent(second.id, second.version, sencoActor);
      expect(document).toMatchObject({ id: second.id, status: 'current', version: 2 });
      expect(superseded).toMatchObject({ id: first.id, status: 'superseded', supersededAt: '2026-11-10T09:00:00.000Z', version: 2 });
      expect((await store.list('pupil-1')).map((d) => [d.name, d.status])).toEqual([
        ['Support plan v2.pdf', 'current'],
        ['Support plan v1.pdf', 'superseded'],
      ]);
      expect(Buffer.from(await store.content(first.id))).toEqual(pdf('v1')); // kept, still readable
      expect((await store.events('pupil-1')).map((e) => [e.what, e.documentId, e.by.name])).toEqual([
        ['uploaded', first.id, sencoActor.name],
        ['uploaded', second.id, teacherActor.name],
        ['made current', second.id, sencoActor.name],
        ['superseded', first.id, sencoActor.name],
      ]);
    });

    it('keeps one current document per type: a new current EHC plan leaves the current support plan alone', async () => {
      const support = await store.upload(plan('Support plan.pdf'), pdf('plan'), sencoActor);
      const ehc = await store.upload(plan('EHC plan 2026.pdf', { type: 'ehc_plan' }), pdf('ehc'), sencoActor);
      const replaced = await store.upload(plan('Support plan spring.pdf'), pdf('spring'), sencoActor);
      const statuses = Object.fromEntries((await store.list('pupil-1')).map((d) => [d.id, d.status]));
      expect(statuses).toEqual({ [support.id]: 'superseded', [ehc.id]: 'current', [replaced.id]: 'current' });
    });

    it('lists every pupil’s current documents past their review date, oldest review first, and none superseded or undated', async () => {
      const late = await store.upload(plan('Plan.pdf', { reviewDate: '2026-10-01' }), pdf('a'), sencoActor);
      const due = await store.upload(
        plan('Profile.pdf', { pupilId: 'pupil-2', type: 'one_page_profile', reviewDate: '2026-11-02' }),
        pdf('b'),
        sencoActor,
      );
      await store.upload(plan('Report.pdf', { type: 'report', reviewDate: null }), pdf('c'), sencoActor);
      await store.upload(plan('Later.pdf', { pupilId: 'pupil-3', reviewDate: '2026-12-01' }), pdf('d'), sencoActor);
      expect((await store.pastReview('2026-11-02')).map((d) => d.id)).toEqual([late.id, due.id]);
      await store.upload(plan('Plan v2.pdf', { reviewDate: '2027-03-01' }), pdf('e'), sencoActor); // supersedes the late one
      expect((await store.pastReview('2026-11-02')).map((d) => d.id)).toEqual([due.id]);
    });

    it('refuses a stale make-current and an unknown document, changing nothing', async () => {
      const first = await store.upload(plan('v1.pdf'), pdf('v1'), sencoActor);
      const second = await store.upload(plan('v2.pdf', { makeCurrent: false }), pdf('v2'), sencoActor);
      await store.makeCurrent(second.id, second.version, sencoActor);
      await expect(store.makeCurrent(first.id, first.version, sencoActor)).rejects.toThrow(ConflictError);
      await expect(store.makeCurrent('no-such-document', 1, sencoActor)).rejects.toThrow(NotFoundError);
      await expect(store.get('no-such-document')).rejects.toThrow(NotFoundError);
      expect((await store.get(second.id)).status).toBe('current');
    });

    it('refuses an empty, oversized or executable file, a bad name and an unknown type, storing nothing', async () => {
      const refused: [Record<string, unknown>, Uint8Array, RegExp][] = [
        [plan('empty.pdf'), new Uint8Array(0), /is empty/],
        [plan('scan.pdf'), new Uint8Array(MAX_DOCUMENT_BYTES + 1), /largest file this takes is 100 MB/],
        [plan('setup.exe'), pdf('not really'), /is a program/],
        [plan('report.pdf'), Buffer.from('MZ\x90\x00rest of a Windows program', 'latin1'), /is a program/],
        [plan('Plan: J#B?.pdf'), pdf('x'), /must not contain any of/],
        [plan('   '), pdf('x'), /must not be empty/],
        [plan('plan.pdf', { type: 'diary' }), pdf('x'), /type/],
      ];
      for (const [input, bytes, message] of refused) {
        const error = await store.upload(input as never, bytes, sencoActor).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect(JSON.stringify((error as ValidationError).problems)).toMatch(message);
      }
      expect(await store.list('pupil-1')).toEqual([]);
      expect(await store.events('pupil-1')).toEqual([]);
    });
  });
}
