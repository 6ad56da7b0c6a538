/**
 * Text safe to put in an XML 1.0 document (Word's .docx): control characters other than tab, line
 * feed and carriage return are not allowed in XML at all, so they are dropped rather than writing a
 * file Word refuses to open. The docx library escapes everything else.
 */
export function xmlSafeText(text: string): string {
  // oxlint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
