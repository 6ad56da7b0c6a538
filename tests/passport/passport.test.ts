import { strFromU8, unzipSync } from 'fflate';
import { ConflictError, ValidationError } from '@/kernel/errors';
import { passportDocx } from '@/passport/passport-docx';
import { SqlitePassportRepository } from '@/storage/sqlite/sqlite-passport-repository';
import { freshDatabase } from '@tests/register/support';
import { sencoActor, teacherActor } from '@tests/support/factories';

const content = {
  likeAndAdmire: 'Kind to younger children\nGreat at Lego',
  importantToMe: 'Knowing what is happening next',
  howToSupport: ['Give a 5-minute warning before changes', 'Seat near the front & away from the door'],
  communication: 'Short sentences; check understanding <quietly>',
};

describe('one-page profile (passport)', () => {
  it('saves versions and refuses a save from a stale copy instead of overwriting', async () => {
    const repo = new SqlitePassportRepository(freshDatabase(), () => new Date('2026-02-01T10:00:00Z'));
    expect(await repo.get('p1')).toBeNull();
    const first = await repo.save('p1', 0, content, sencoActor);
    expect(first).toMatchObject({ pupilId: 'p1', version: 1, updatedBy: sencoActor, updatedAt: '2026-02-01T10:00:00.000Z' });
    await repo.save('p1', 1, { ...content, importantToMe: 'Football' }, teacherActor);
    await expect(repo.save('p1', 1, content, sencoActor)).rejects.toThrow(ConflictError);
    expect((await repo.get('p1'))!.content.importantToMe).toBe('Football');
    await expect(repo.save('p2', 0, { ...content, howToSupport: [''] }, sencoActor)).rejects.toThrow(ValidationError);
  });

  it('exports a styled Word document: title, a table of needs beside strategies, each section under a heading, escaped', async () => {
    const docx = await passportDocx(
      {
        forename: 'Jamie',
        surname: 'Brook',
        yearGroup: 4,
        senStatus: 'K',
        needs: [
          { code: 'SLCN', rank: 1 },
          { code: 'SEMH', rank: 2 },
        ],
      },
      content,
      '2026-02-01',
    );
    const files = unzipSync(docx);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']),
    );
    const xml = strFromU8(files['word/document.xml']!);
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      'Jamie Brook: one-page profile',
      'Year 4 · SEN support',
      'Needs',
      'How best to support me',
      'Speech, language and communication needs',
      'Give a 5-minute warning before changes',
      'Social, emotional and mental health',
      'Seat near the front &amp; away from the door',
      'What people like and admire about me',
      'Kind to younger children',
      'Great at Lego',
      'What is important to me',
      'Knowing what is happening next',
      'How I communicate',
      'Short sentences; check understanding &lt;quietly&gt;',
      'Updated Sun 1 Feb 2026',
    ]);
    // Real Word styles, not direct formatting: the title and each section heading are navigable in Word.
    expect(xml.match(/<w:pStyle w:val="Title"\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(3);
    expect(xml.match(/<w:tr>/g)).toHaveLength(3);
  });
});
