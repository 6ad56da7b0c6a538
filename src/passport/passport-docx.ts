import { yearLabel } from '@/kernel/pupil-label';
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate, type IsoDate } from '@/kernel/dates';
import { NEED_LABELS, SEN_STATUS_LABELS } from '@/kernel/need-codes';
import { PASSPORT_HEADINGS, type PassportContent } from '@/kernel/passport';
import type { PupilRecord } from '@/kernel/pupil-record';
import { xmlSafeText } from '@/platform/xml-text';

const lines = (text: string) => text.split('\n').map((line) => new Paragraph({ text: xmlSafeText(line) }));
const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 } });

const cell = (children: Paragraph[], header = false) =>
  new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE }, ...(header ? { shading: { fill: 'E7EEF7' } } : {}) });
const border = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };

/** Needs beside the strategies that help: the part of the profile staff read first. */
function needsAndStrategies(needs: string[], strategies: string[]): Table {
  const rows = Math.max(needs.length, strategies.length, 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell([new Paragraph({ children: [new TextRun({ text: 'Needs', bold: true })] })], true),
          cell([new Paragraph({ children: [new TextRun({ text: PASSPORT_HEADINGS.howToSupport, bold: true })] })], true),
        ],
      }),
      ...Array.from(
        { length: rows },
        (_, i) =>
          new TableRow({
            children: [
              cell([new Paragraph({ text: xmlSafeText(needs[i] ?? '') })]),
              cell([new Paragraph({ text: xmlSafeText(strategies[i] ?? '') })]),
            ],
          }),
      ),
    ],
  });
}

/**
 * The one-page profile as a styled Word document (docx): the pupil's name as the title, year and SEN
 * status, a table of needs beside the strategies that help, then each section under its heading, and
 * the date it was last updated in en-GB form. A4 with 2 cm margins.
 */
export async function passportDocx(
  pupil: Pick<PupilRecord, 'forename' | 'surname' | 'yearGroup' | 'senStatus' | 'needs'>,
  content: PassportContent,
  updatedOn: IsoDate,
): Promise<Buffer> {
  const name = xmlSafeText(`${pupil.forename} ${pupil.surname}`);
  const needs = [...pupil.needs].sort((a, b) => a.rank - b.rank).map((n) => NEED_LABELS[n.code]);
  const document = new Document({
    creator: 'SEND Tracker',
    title: `${name}: one-page profile`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } } },
        children: [
          new Paragraph({ text: `${name}: one-page profile`, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: `${yearLabel(pupil.yearGroup)} · ${SEN_STATUS_LABELS[pupil.senStatus]}`, spacing: { after: 200 } }),
          needsAndStrategies(needs, content.howToSupport),
          heading(PASSPORT_HEADINGS.likeAndAdmire),
          ...lines(content.likeAndAdmire),
          heading(PASSPORT_HEADINGS.importantToMe),
          ...lines(content.importantToMe),
          heading(PASSPORT_HEADINGS.communication),
          ...lines(content.communication),
          new Paragraph({
            children: [new TextRun({ text: `Updated ${formatDate(updatedOn)}`, italics: true, color: '595959' })],
            spacing: { before: 240 },
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
