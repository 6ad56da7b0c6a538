import { strFromU8, unzipSync } from 'fflate';
import { buildIntervention } from '@tests/interventions/support';
import { generatePrimaryRegister, simsCsv } from '@tests/register/generate-register';
import { startRegisterApp } from '@tests/register/start-register-app';
import { buildNewAction } from '@tests/support/factories';
import { call } from '@tests/support/start-app';

const senco = { id: 'senco-1', name: 'Priya Shah', email: 'p.shah@oakfield.example', sendTeam: true };
const now = () => new Date('2026-01-20T09:00:00Z');

describe('subject access export: everything the app holds that names the pupil, and nothing of anyone else', () => {
  it('holds the register record, the one-page profile, interventions with measures and every action with history', async () => {
    const app = await startRegisterApp(senco, now);
    try {
      const school = generatePrimaryRegister().slice(0, 20);
      const file = { format: 'csv', text: simsCsv(school) };
      const preview = await call(app.baseUrl, 'POST', '/api/register/import/preview', { file });
      expect((await call(app.baseUrl, 'POST', '/api/register/import', { file, mapping: preview.body.proposedMapping })).status).toBe(200);
      const [pupil, other] = await app.register.list();

      // The same kinds of record for both pupils, each with words only it carries.
      for (const [p, tag] of [
        [pupil!, 'ALPHA'],
        [other!, 'BRAVO'],
      ] as const) {
        const profile = {
          likeAndAdmire: `${tag} likes lego`,
          importantToMe: `${tag} dog`,
          howToSupport: [`${tag} timetable`],
          communication: `${tag} signs`,
        };
        expect((await call(app.baseUrl, 'PUT', `/api/register/pupils/${p.id}/passport`, { version: 0, content: profile })).status).toBe(
          200,
        );
        const started = await call(app.baseUrl, 'POST', '/api/interventions', buildIntervention({ pupilId: p.id, name: `${tag} reading` }));
        expect(started.status).toBe(200);
        await call(app.baseUrl, 'POST', `/api/interventions/${started.body.intervention.id}/measures`, {
          point: 'baseline',
          date: '2026-01-05',
          value: 84,
        });
        await app.repo.createMany(
          [buildNewAction({ pupil: { id: p.id, name: tag, yearGroup: 4 }, description: `${tag} phone parent` })],
          senco,
        );
        await app.documents.upload(
          { pupilId: p.id, name: `${tag} support plan.pdf`, type: 'support_plan' },
          Buffer.from('%PDF-1.7'),
          senco,
        );
      }

      const res = await call(app.baseUrl, 'GET', `/api/pupils/${pupil!.id}/export`);
      expect(res.status).toBe(200);
      const exported = res.body;
      expect(exported.register).toMatchObject({
        id: pupil!.id,
        forename: pupil!.forename,
        surname: pupil!.surname,
        upn: pupil!.upn,
        dateOfBirth: pupil!.dateOfBirth,
        senStatus: pupil!.senStatus,
      });
      expect(exported.passport).toMatchObject({ pupilId: pupil!.id, version: 1, content: { likeAndAdmire: 'ALPHA likes lego' } });
      expect(exported.passportVersions).toEqual([
        expect.objectContaining({ version: 1, updatedBy: expect.objectContaining({ id: senco.id }) }),
      ]);
      expect(exported.interventions).toEqual([
        expect.objectContaining({
          pupilId: pupil!.id,
          name: 'ALPHA reading',
          measures: [expect.objectContaining({ point: 'baseline', value: 84 })],
        }),
      ]);
      // The intervention's two review items and the phone call, each with its history.
      expect(exported.actions.map((a: { action: { description: string } }) => a.action.description)).toEqual(
        expect.arrayContaining(['ALPHA phone parent', expect.stringMatching(/ALPHA reading/)]),
      );
      expect(exported.actions.every((a: { history: unknown[] }) => a.history.length >= 1)).toBe(true);
      // The documents as a manifest (the files on request), and who added each.
      expect(exported.documents).toEqual([
        expect.objectContaining({
          name: 'ALPHA support plan.pdf',
          status: 'current',
          pupilId: pupil!.id,
          fileVersions: [expect.objectContaining({ label: '1.0', by: senco.name })],
        }),
      ]);
      expect(exported.documentEvents).toEqual([
        expect.objectContaining({ what: 'uploaded', by: expect.objectContaining({ id: senco.id }) }),
      ]);

      const text = JSON.stringify(exported);
      expect(text).not.toContain('BRAVO');
      expect(text).not.toContain(other!.id);
      expect(text).not.toContain(other!.upn);

      // The same export as a Word document a person can read: each section, this pupil, nobody else.
      const docx = await fetch(`${app.baseUrl}/api/pupils/${pupil!.id}/export.docx`);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-disposition')).toBe('attachment; filename="subject-access-export-2026-01-20.docx"');
      const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
      const words = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      for (const part of [
        `Subject access export: ${pupil!.forename} ${pupil!.surname}`,
        'Register record',
        'One-page profile',
        'Interventions',
        'Actions agreed',
        pupil!.upn,
        'ALPHA reading',
        'ALPHA phone parent',
        'Documents',
        'ALPHA support plan.pdf',
        'Versions of the file',
        `1.0: ${senco.name}, `,
      ]) {
        expect(words).toContain(part);
      }
      expect(words).not.toContain('BRAVO');
      expect(words).not.toContain(other!.upn);
    } finally {
      await app.close();
    }
  });
});
