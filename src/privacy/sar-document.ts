import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS } from '@/kernel/pupil-document';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate, formatDateTime, londonDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { NEED_LABELS, SEN_STATUS_LABELS } from '@/kernel/need-codes';
import { PASSPORT_HEADINGS } from '@/kernel/passport';
import { STATUS_LABELS } from '@/kernel/status';
import type { PupilExport } from './sar-routes';
import { xmlSafeText } from '@/platform/xml-text';

const text = (s: string) => new Paragraph({ text: xmlSafeText(s) });
const heading = (s: string) => new Paragraph({ text: s, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 } });
const dateOrDash = (d: string | null | undefined) => (d ? formatDate(d) : '–');

/** A two-column table of facts, or a table with a header row. */
function table(rows: string[][], header?: string[]): Table {
  const cell = (s: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text: xmlSafeText(s), bold })] })],
      width: { size: 100 / rows[0]!.length, type: WidthType.PERCENTAGE },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(header ? [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })] : []),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

/**
 * The subject access export as a Word document a person can read (and send to a parent): the register
 * record, the one-page profile and its versions, interventions with measures, the EHC plan's dates,
 * the chronology of all of it, and every action with its history. The same content as the JSON export; dates en-GB, London time.
 */
export async function sarDocument(exported: PupilExport): Promise<Buffer> {
  const r = exported.register;
  const name = r ? `${r.forename} ${r.surname}` : 'Pupil (not in the register)';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: xmlSafeText(`Subject access export: ${name}`), heading: HeadingLevel.TITLE }),
    text(
      `Exported ${formatDateTime(exported.exportedAt)} by ${exported.exportedBy.name}. Everything SEND Tracker holds that names this pupil.`,
    ),
    heading('Register record'),
    r
      ? table([
          ['Name', name],
          ['Date of birth', dateOrDash(r.dateOfBirth)],
          ['UPN', r.upn],
          ['Year group', String(r.yearGroup)],
          ['SEN status', SEN_STATUS_LABELS[r.senStatus]],
          [
            'Needs',
            r.needs.length
              ? [...r.needs]
                  .sort((a, b) => a.rank - b.rank)
                  .map((n) => NEED_LABELS[n.code])
                  .join('; ')
              : '–',
          ],
          ['On roll', r.onRoll ? 'Yes' : 'No (left)'],
        ])
      : text('None held.'),
    heading('One-page profile'),
    ...(exported.passport
      ? [
          text(`${PASSPORT_HEADINGS.likeAndAdmire}: ${exported.passport.content.likeAndAdmire}`),
          text(`${PASSPORT_HEADINGS.importantToMe}: ${exported.passport.content.importantToMe}`),
          text(`${PASSPORT_HEADINGS.howToSupport}: ${exported.passport.content.howToSupport.join('; ')}`),
          text(`${PASSPORT_HEADINGS.communication}: ${exported.passport.content.communication}`),
          text('Versions:'),
          table(
            exported.passportVersions.map((v) => [String(v.version), v.updatedBy.name, formatDateTime(v.updatedAt)]),
            ['Version', 'Saved by', 'When'],
          ),
        ]
      : [text('None held.')]),
    heading('Interventions'),
    ...(exported.interventions.length
      ? exported.interventions.flatMap((i) => [
          text(`${i.name}: ${dateOrDash(i.startDate)} to ${dateOrDash(i.plannedEndDate)}, with ${i.staff.name}`),
          ...(i.measures.length
            ? [
                table(
                  i.measures.map((m) => [m.point, dateOrDash(m.date), String(m.value)]),
                  ['Measure', 'Date', 'Value'],
                ),
              ]
            : []),
        ])
      : [text('None held.')]),
    heading('EHC plan dates'),
    ...(exported.ehcPlanVersions.length
      ? [
          table(
            exported.ehcPlanVersions.map((v) => [
              String(v.version),
              v.details.localAuthority,
              dateOrDash(v.details.issueDate),
              dateOrDash(v.details.lastReviewDate),
              dateOrDash(v.details.nextReviewDate),
              `${v.updatedBy.name}, ${formatDateTime(v.updatedAt)}`,
            ]),
            ['Version', 'Local authority', 'Issued', 'Last review', 'Next review', 'Saved by'],
          ),
        ]
      : [text('None held.')]),
    heading('Documents'),
    ...(exported.documents.length
      ? [
          table(
            exported.documents.map((d) => [
              d.name,
              DOCUMENT_TYPE_LABELS[d.type],
              DOCUMENT_STATUS_LABELS[d.status],
              dateOrDash(d.reviewDate),
              `${d.uploadedBy.name}, ${formatDateTime(d.uploadedAt)}`,
              d.fileVersions.map((v) => `${v.label}: ${v.by}, ${formatDateTime(v.at)}`).join('; '),
            ]),
            ['Document', 'Type', 'Status', 'Review by', 'Added by', 'Versions of the file'],
          ),
          text('The files themselves are provided on request: each opens from the pupil’s documents in the tracker.'),
        ]
      : [text('None held.')]),
    heading('Chronology (newest first)'),
    ...(exported.chronology.length
      ? [
          table(
            exported.chronology.map((e) => [formatDate(e.date), e.title, e.detail ?? '', e.by ?? '']),
            ['Date', 'What happened', 'Details', 'Recorded by'],
          ),
        ]
      : [text('Nothing recorded.')]),
    heading('Actions agreed'),
    ...(exported.actions.length
      ? exported.actions.flatMap(({ action, history }) => [
          text(`${ITEM_TYPE_LABELS[action.itemType]}: ${action.description}`),
          table([
            ['Owner', action.owner.name],
            ['Due', dateOrDash(action.dueDate)],
            ['Status', STATUS_LABELS[action.status]],
            ...(action.closingNote ? [['Closing note', action.closingNote]] : []),
          ]),
          table(
            history.map((h) => [formatDateTime(h.at), h.actor.name, h.kind, h.changes.map((c) => c.field).join(', ')]),
            ['When', 'Who', 'What', 'Fields'],
          ),
        ])
      : [text('None held.')]),
    text(`Generated on ${formatDate(londonDate(new Date(exported.exportedAt)))}.`),
  ];
  return Packer.toBuffer(new Document({ creator: 'SEND Tracker', title: `Subject access export: ${name}`, sections: [{ children }] }));
}
