import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { CHRONOLOGY_KIND_LABELS, type ChronologyEvent, type ChronologyKind } from '@/kernel/chronology';
import { formatDate, type IsoDate } from '@/kernel/dates';
import { SEN_STATUS_LABELS } from '@/kernel/need-codes';
import { yearLabel } from '@/kernel/pupil-label';
import type { PupilRecord } from '@/kernel/pupil-record';
import { xmlSafeText } from '@/platform/xml-text';

const border = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };
const COLUMNS = [
  { title: 'Date', width: 16 },
  { title: 'What happened', width: 40 },
  { title: 'Details', width: 30 },
  { title: 'Recorded by', width: 14 },
] as const;

const cell = (text: string, width: number, header = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    ...(header ? { shading: { fill: 'E7EEF7' } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text: xmlSafeText(text), bold: header })] })],
  });

/**
 * The chronology as a Word document for an annual review meeting: the pupil's name, year and SEN
 * status, which kinds it shows, then one row per event, newest first, dates en-GB. A4, 2 cm margins.
 */
export async function chronologyDocx(
  pupil: Pick<PupilRecord, 'forename' | 'surname' | 'yearGroup' | 'senStatus'>,
  events: readonly ChronologyEvent[],
  kinds: readonly ChronologyKind[],
  madeOn: IsoDate,
): Promise<Buffer> {
  const name = xmlSafeText(`${pupil.forename} ${pupil.surname}`);
  const rows = events.map(
    (e) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(formatDate(e.date), COLUMNS[0].width),
          cell(e.title, COLUMNS[1].width),
          cell(e.detail ?? '', COLUMNS[2].width),
          cell(e.by ?? '', COLUMNS[3].width),
        ],
      }),
  );
  const document = new Document({
    creator: 'SEND Tracker',
    title: `${name}: chronology`,
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } } },
        children: [
          new Paragraph({ text: `${name}: chronology`, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: `${yearLabel(pupil.yearGroup)} · ${SEN_STATUS_LABELS[pupil.senStatus]}` }),
          new Paragraph({
            children: [
              new TextRun({
                text: `Newest first. Shows: ${kinds.map((k) => CHRONOLOGY_KIND_LABELS[k].toLowerCase()).join('; ')}. Made ${formatDate(madeOn)}.`,
                italics: true,
                color: '595959',
              }),
            ],
            spacing: { after: 200 },
          }),
          events.length === 0
            ? new Paragraph({ text: 'Nothing recorded yet.' })
            : new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
                rows: [new TableRow({ tableHeader: true, children: COLUMNS.map((c) => cell(c.title, c.width, true)) }), ...rows],
              }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
