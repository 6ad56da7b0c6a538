import { ValidationError } from '@/kernel/errors';
import type { MisFile } from './mis-table';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EXPORT_AGAIN = 'Export the report from your MIS as CSV or Excel (.xlsx) and choose that file.';

const refuse = (message: string): never => {
  throw new ValidationError([{ path: 'file', message }]);
};

/**
 * What an uploaded file is, from its bytes rather than its name (a renamed Word document or a
 * legacy .xls is refused with what to do instead), decoded when it is text.
 *
 * Office files are recognised by their container: Office Open XML is a zip whose part names
 * (`word/`, `xl/`, `ppt/`) are stored uncompressed in its headers; the 97–2003 formats are OLE2
 * compound files whose stream names ("WordDocument", "Workbook") are UTF-16 text in the directory.
 * Legacy .xls is refused rather than read: SIMS and Arbor both export .xlsx and CSV, and the only
 * current reader of the binary format would add a second spreadsheet parser for one rare case.
 * @throws ValidationError saying what the file is and how to export it instead.
 */
export function classifyUpload(bytes: Buffer): MisFile {
  if (bytes.length === 0) refuse('the file is empty');
  if (bytes.subarray(0, 4).equals(ZIP)) {
    if (bytes.includes('word/document')) refuse(`This is a Word document, not a register export. ${EXPORT_AGAIN}`);
    if (bytes.includes('xl/workbook')) return { format: 'xlsx', data: bytes };
    if (bytes.includes('ppt/')) refuse(`This is a PowerPoint file, not a register export. ${EXPORT_AGAIN}`);
    refuse(`This is a zip archive, not a register export. ${EXPORT_AGAIN}`);
  }
  if (bytes.subarray(0, 8).equals(OLE2)) {
    if (bytes.includes(Buffer.from('WordDocument', 'utf16le'))) refuse(`This is a Word document, not a register export. ${EXPORT_AGAIN}`);
    refuse('This is an older Excel (.xls) workbook. Open it in Excel, save it as Excel Workbook (.xlsx) or CSV, and choose that file.');
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') refuse(`This is a PDF, which cannot be read as a register. ${EXPORT_AGAIN}`);
  const text = decodeText(bytes);
  // Text has no NUL characters and few control characters; anything else is some other binary file.
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) controls++;
  }
  if (sample.includes('\u0000') || controls > sample.length / 100) refuse(`This file is not a spreadsheet or CSV. ${EXPORT_AGAIN}`);
  return { format: 'csv', text };
}

/**
 * CSV text in the encodings MIS exports use: UTF-8 (with or without a BOM), UTF-16 with a BOM
 * (Excel's "Unicode text"), and Windows-1252 (older SIMS reports) when the bytes are not UTF-8.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
