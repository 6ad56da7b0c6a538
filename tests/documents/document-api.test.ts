import http from 'node:http';
import { pupilLabel } from '@/kernel/pupil-label';
import { initials } from '@/kernel/pupil-record';
import { generatePrimaryRegister } from '@tests/register/generate-register';
import { startRegisterApp } from '@tests/register/start-register-app';
import { buildNewAction, senco, teacher } from '@tests/support/factories';
import { call } from '@tests/support/start-app';
import type { DocumentStore } from '@/kernel/ports/document-store';
import { useStandInSites } from '@tests/graph-stand-in/provisioned-site';

const now = () => new Date('2026-11-02T09:00:00Z');
const sendLead = { ...senco, sendTeam: true };
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`, 'latin1');

/** PUT a file as the tab sends it: the bytes as the body, what it is in the query. */
async function upload(baseUrl: string, pupilId: string, query: Record<string, string>, body: Buffer, type = 'application/pdf') {
  const res = await fetch(`${baseUrl}/api/register/pupils/${pupilId}/documents?${new URLSearchParams(query)}`, {
    method: 'PUT',
    headers: { 'content-type': type },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: await res.json() };
}

const newSite = useStandInSites();
/** Every route runs on both stores: the embedded files, and the SEND site's library over the Graph stand-in. */
const STORES: [string, () => Promise<DocumentStore | undefined>][] = [
  ['embedded files', async () => undefined],
  ['the SharePoint pupil records library (stand-in)', async () => (await newSite()).registerStores({ now }).documents],
];

describe.each(STORES)('pupil documents over HTTP, in %s', (_where, documentStore) => {
  async function withRegister(user: typeof sendLead) {
    const app = await startRegisterApp(user, now, { documents: await documentStore() });
    await app.register.upsertMany(generatePrimaryRegister(3), { fullRoll: true, by: senco });
    const [pupil] = await app.register.list();
    return { app, pupil: pupil! };
  }

  it('uploads two versions of a support plan, makes the second current and serves each file back as it was', async () => {
    const { app, pupil } = await withRegister(sendLead);
    try {
      const first = await upload(
        app.baseUrl,
        pupil.id,
        { name: 'Support plan v1.pdf', type: 'support_plan', reviewDate: '2027-01-15' },
        pdf('v1'),
      );
      expect(first.status).toBe(200);
      expect(first.body.document).toMatchObject({ status: 'current', reviewDate: '2027-01-15', uploadedBy: { name: senco.name } });
      // Larger than the 256 KB JSON limit (the upload route reads its own body), and than one Graph request takes (an upload session).
      const big = Buffer.concat([pdf('v2'), Buffer.alloc(5 * 1024 * 1024, 1)]);
      const second = await upload(app.baseUrl, pupil.id, { name: 'Support plan v2.pdf', type: 'support_plan', makeCurrent: 'false' }, big);
      expect(second.body.document).toMatchObject({ status: 'not_current', size: big.length });

      const made = await call(app.baseUrl, 'POST', `/api/documents/${second.body.document.id}/make-current`, { version: 1 });
      expect(made.status).toBe(200);
      expect(made.body).toMatchObject({
        document: { status: 'current' },
        superseded: { id: first.body.document.id, status: 'superseded' },
      });
      const stale = await call(app.baseUrl, 'POST', `/api/documents/${first.body.document.id}/make-current`, { version: 1 });
      expect(stale.status).toBe(409);

      // The current plan's review comes round on the tracker: one item, due on its review date, never a second.
      expect(first.body.reviewItemId).toEqual(expect.any(String));
      expect(second.body.reviewItemId).toBeNull(); // not current, and no review date
      const review = await app.repo.get(first.body.reviewItemId);
      expect(review).toMatchObject({
        dueDate: '2027-01-15',
        owner: { id: senco.id },
        itemType: 'support_plan_update',
        description: 'Review the support plan added Mon 2 Nov 2026',
      });
      expect(review.description).not.toContain('v1.pdf');
      // v2 replaced v1: v1's review is no longer due, so its item is parked with why (never deleted).
      expect(made.body.closedReviewItemIds).toEqual([first.body.reviewItemId]);
      expect(await app.repo.get(first.body.reviewItemId)).toMatchObject({
        status: 'parked',
        closingNote: 'No longer needed: a newer support plan replaced this one on Mon 2 Nov 2026.',
      });
      const again = await call(app.baseUrl, 'POST', `/api/documents/${first.body.document.id}/make-current`, { version: 2 });
      expect(again.body.reviewItemId).toBe(first.body.reviewItemId);
      expect((await app.repo.get(first.body.reviewItemId)).status).toBe('open'); // v1 is current again: its review is back
      expect((await app.repo.query({ pupilId: pupil.id })).filter((a) => a.description.startsWith('Review the support plan'))).toHaveLength(
        1,
      );
      await call(app.baseUrl, 'POST', `/api/documents/${second.body.document.id}/make-current`, { version: 3 });
      expect((await app.repo.get(first.body.reviewItemId)).status).toBe('parked');

      const listed = await call(app.baseUrl, 'GET', `/api/register/pupils/${pupil.id}/documents`);
      expect(listed.body.canChange).toBe(true);
      expect(listed.body.documents.map((d: { name: string; status: string }) => `${d.name}: ${d.status}`)).toEqual([
        'Support plan v2.pdf: current',
        'Support plan v1.pdf: superseded',
      ]);
      const file = await fetch(`${app.baseUrl}/api/documents/${first.body.document.id}/content`);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf('v1'));
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Support%20plan%20v1.pdf");
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await app.close();
    }
  });

  it('lists for the weekly check-in every current document past its review date, by initials and year', async () => {
    const { app, pupil } = await withRegister(sendLead);
    try {
      await upload(app.baseUrl, pupil.id, { name: 'Profile.pdf', type: 'one_page_profile', reviewDate: '2026-10-30' }, pdf('p'));
      await upload(app.baseUrl, pupil.id, { name: 'Plan.pdf', type: 'support_plan', reviewDate: '2027-01-15' }, pdf('q'));
      const due = await call(app.baseUrl, 'GET', '/api/check-in/documents');
      expect(due.status).toBe(200);
      expect(due.body.documents).toEqual([
        expect.objectContaining({
          name: 'Profile.pdf',
          type: 'one_page_profile',
          reviewDate: '2026-10-30',
          pupil: pupilLabel({ name: initials(pupil), yearGroup: pupil.yearGroup }),
        }),
      ]);
      expect(JSON.stringify(due.body)).not.toContain(pupil.surname);
    } finally {
      await app.close();
    }
  });

  it('saves the one-page profile into the pupil’s documents as the current profile, the earlier one kept as superseded', async () => {
    const { app, pupil } = await withRegister(sendLead);
    try {
      const content = { likeAndAdmire: 'Kind', importantToMe: 'Dogs', howToSupport: ['Visual timetable'], communication: 'Signs' };
      await call(app.baseUrl, 'PUT', `/api/register/pupils/${pupil.id}/passport`, { version: 0, content });
      const first = await call(app.baseUrl, 'POST', `/api/register/pupils/${pupil.id}/passport/save-to-documents`, {});
      expect(first.status).toBe(200);
      expect(first.body.document).toMatchObject({ name: 'One-page profile 2026-11-02.docx', type: 'one_page_profile', status: 'current' });
      const second = await call(app.baseUrl, 'POST', `/api/register/pupils/${pupil.id}/passport/save-to-documents`, {});
      const listed = await app.documents.list(pupil.id);
      expect(listed.map((d) => [d.id, d.status])).toEqual([
        [second.body.document.id, 'current'],
        [first.body.document.id, 'superseded'],
      ]);
      const file = await fetch(`${app.baseUrl}/api/documents/${second.body.document.id}/content`);
      expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(
        Buffer.from(await file.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK'); // a Word file is a zip
    } finally {
      await app.close();
    }
  });

  it('refuses an executable, an empty file, a bad name, an unknown type and a 300 MB file with what to do, storing nothing', async () => {
    const { app, pupil } = await withRegister(sendLead);
    try {
      const refused = [
        await upload(
          app.baseUrl,
          pupil.id,
          { name: 'tool.exe', type: 'report' },
          Buffer.from('MZ\x90\x00', 'latin1'),
          'application/octet-stream',
        ),
        await upload(app.baseUrl, pupil.id, { name: 'empty.pdf', type: 'report' }, Buffer.alloc(0)),
        await upload(app.baseUrl, pupil.id, { name: 'J#B: plan?.pdf', type: 'report' }, pdf('x')),
        await upload(app.baseUrl, pupil.id, { name: 'plan.pdf', type: 'diary' }, pdf('x')),
      ];
      expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400]);
      expect(refused.map((r) => r.body.problems[0].message)).toEqual([
        expect.stringMatching(/^is a program, not a document/),
        expect.stringMatching(/^is empty/),
        expect.stringMatching(/^must not contain any of/),
        expect.stringMatching(/^Invalid option/),
      ]);
      // A 300 MB file is refused from its declared length, before its bytes are read.
      const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          `${app.baseUrl}/api/register/pupils/${pupil.id}/documents?name=scan.pdf&type=report`,
          { method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': String(300 * 1024 * 1024) } },
          (res) => {
            // The reply comes while the upload is still "sending": take it whole, then stop sending.
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString();
              if (Buffer.byteLength(body) >= Number(res.headers['content-length'])) {
                resolve({ status: res.statusCode!, body });
                req.destroy();
              }
            });
          },
        );
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
        req.write(pdf('the start of a large scan'));
      });
      expect(huge.status).toBe(400);
      expect(JSON.parse(huge.body).problems[0].message).toBe('is 300 MB; the largest file this takes is 100 MB');
      expect(await app.documents.list(pupil.id)).toEqual([]);

      // A page sent as a document is kept as plain bytes: the browser downloads it, never renders it.
      const page = await upload(
        app.baseUrl,
        pupil.id,
        { name: 'notes.html', type: 'minutes' },
        Buffer.from('<script>alert(1)</script>'),
        'text/html',
      );
      expect(page.body.document.contentType).toBe('application/octet-stream');
    } finally {
      await app.close();
    }
  });

  it('shows staff outside the SEND team only the documents of pupils they hold an open item for, and never lets them change them', async () => {
    const { app, pupil } = await withRegister({ ...teacher, sendTeam: false });
    try {
      const other = (await app.register.list())[1]!;
      const doc = await app.documents.upload({ pupilId: pupil.id, name: 'Plan.pdf', type: 'support_plan' }, pdf('plan'), senco);
      const elsewhere = await app.documents.upload({ pupilId: other.id, name: 'Plan.pdf', type: 'support_plan' }, pdf('other'), senco);
      await app.repo.createMany([buildNewAction({ pupil: { id: pupil.id, name: 'A.B.', yearGroup: 4 }, owner: teacher })], senco);

      const mine = await call(app.baseUrl, 'GET', `/api/register/pupils/${pupil.id}/documents`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ canChange: false, documents: [{ id: doc.id }] });
      expect((await fetch(`${app.baseUrl}/api/documents/${doc.id}/content`)).status).toBe(200);

      const notMine = await call(app.baseUrl, 'GET', `/api/register/pupils/${other.id}/documents`);
      expect(notMine.status).toBe(403);
      expect(JSON.stringify(notMine.body)).not.toContain(elsewhere.id);
      expect((await fetch(`${app.baseUrl}/api/documents/${elsewhere.id}/content`)).status).toBe(403);
      expect((await fetch(`${app.baseUrl}/api/documents/no-such-document/content`)).status).toBe(403); // the same as one not shared
      expect((await upload(app.baseUrl, pupil.id, { name: 'Mine.pdf', type: 'report' }, pdf('x'))).status).toBe(403);
      expect((await call(app.baseUrl, 'POST', `/api/documents/${doc.id}/make-current`, { version: 1 })).status).toBe(403);
      expect((await call(app.baseUrl, 'GET', '/api/check-in/documents')).status).toBe(403);
      expect((await call(app.baseUrl, 'POST', `/api/register/pupils/${pupil.id}/passport/save-to-documents`, {})).status).toBe(403);
      expect(await app.documents.list(pupil.id)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
