import { NEED_LABELS, SEN_STATUS_LABELS } from '@/kernel/need-codes';
import type { PupilRecord } from '@/kernel/pupil-record';
import { PASSPORT_HEADINGS, type PassportContent } from '@/kernel/passport';
import { writeZip } from '@/platform/zip';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
// Control characters are not allowed in XML 1.0 at all: drop them rather than write a broken file.
const clean = (s: string) => escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));

/** Sizes in half-points. Direct formatting, so the package needs no styles part. */
const SIZES = { title: 36, heading: 28 } as const;
const paragraph = (text: string, kind?: keyof typeof SIZES) =>
  `<w:p><w:r>${kind ? `<w:rPr><w:b/><w:sz w:val="${SIZES[kind]}"/></w:rPr>` : ''}<w:t xml:space="preserve">${clean(text)}</w:t></w:r></w:p>`;

const year = (y: number) => (y === 0 ? 'Reception' : y < 0 ? 'Nursery' : `Year ${y}`);

/** The one-page profile as a Word document: name, year, needs, then each section. */
export function passportDocx(pupil: Pick<PupilRecord, 'forename' | 'surname' | 'yearGroup' | 'senStatus' | 'needs'>, content: PassportContent, updatedOn: string): Buffer {
  const needs = [...pupil.needs].sort((a, b) => a.rank - b.rank).map((n) => NEED_LABELS[n.code]);
  const body = [
    paragraph(`${pupil.forename} ${pupil.surname}: one-page profile`, 'title'),
    paragraph(`${year(pupil.yearGroup)} · ${SEN_STATUS_LABELS[pupil.senStatus]}${needs.length ? ` · ${needs.join('; ')}` : ''}`),
    paragraph(PASSPORT_HEADINGS.likeAndAdmire, 'heading'),
    ...content.likeAndAdmire.split('\n').map((l) => paragraph(l)),
    paragraph(PASSPORT_HEADINGS.importantToMe, 'heading'),
    ...content.importantToMe.split('\n').map((l) => paragraph(l)),
    paragraph(PASSPORT_HEADINGS.howToSupport, 'heading'),
    ...content.howToSupport.map((s) => paragraph(`• ${s}`)),
    paragraph(PASSPORT_HEADINGS.communication, 'heading'),
    ...content.communication.split('\n').map((l) => paragraph(l)),
    paragraph(`Updated ${updatedOn}`),
  ].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.from(document) },
  ]);
}
