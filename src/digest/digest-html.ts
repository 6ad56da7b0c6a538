import type { DigestView, ItemView, SectionView } from './digest-view';
import { escapeHtml as e } from './escape-html';

/*
 * Email HTML for Outlook: Outlook for Windows renders with Word, so layout is nested tables with
 * role="presentation", every style is inline (no <style> block: many clients strip it), widths are
 * capped at 600px with a ghost table for Word (which ignores max-width), and there are no images.
 * Colours are mid-tone brand blue with white text, or near-black text on white: Outlook's dark mode
 * re-maps light backgrounds and dark text, and these pairs stay readable after re-mapping. Meaning
 * is never carried by colour alone (the words say "overdue").
 */

const FONT = "font-family:'Segoe UI',Helvetica,Arial,sans-serif;";
const TEXT = '#242424';
const MUTED = '#5c5c5c';
const BRAND = '#0f548c';
const LINK = '#0f6cbd';
const RULE = '#d1d1d1';
const WRAP = 'overflow-wrap:anywhere;word-wrap:break-word;word-break:break-word;';

const table = (inner: string, style = '', attrs = '') =>
  `<table role="presentation" width="100%"${attrs} cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;${style}">${inner}</table>`;

function itemHtml(item: ItemView): string {
  return `<tr><td style="padding:0 0 12px 0;">${table(
    `<tr><td style="border-left:4px solid ${LINK};padding:4px 0 4px 12px;${FONT}${WRAP}">
<p style="margin:0 0 4px 0;font-size:15px;line-height:21px;font-weight:600;color:${TEXT};">${e(item.title)}</p>
<p style="margin:0 0 2px 0;font-size:13px;line-height:19px;color:${MUTED};">${e(item.meta)}</p>
<p style="margin:0 0 4px 0;font-size:13px;line-height:19px;color:${TEXT};">${e(item.when)}</p>
<p style="margin:0;font-size:13px;line-height:19px;"><a href="${e(item.link)}" style="color:${LINK};text-decoration:underline;">Open in tracker</a></p>
</td></tr>`,
  )}</td></tr>`;
}

function countsHtml(counts: [string, number][]): string {
  const rows = counts
    .map(
      ([label, n]) =>
        `<tr><td style="padding:6px 8px 6px 0;border-bottom:1px solid ${RULE};${FONT}font-size:14px;line-height:20px;color:${TEXT};${WRAP}">${e(label)}</td>` +
        `<td align="right" style="padding:6px 0;border-bottom:1px solid ${RULE};${FONT}font-size:14px;line-height:20px;font-weight:600;color:${TEXT};white-space:nowrap;">${n}</td></tr>`,
    )
    .join('');
  return `<tr><td style="padding:0 0 8px 0;">${table(rows)}</td></tr>`;
}

function linesHtml(lines: string[]): string {
  return lines
    .map((line) => `<tr><td style="padding:2px 0;${FONT}font-size:14px;line-height:20px;color:${TEXT};${WRAP}">${e(line)}</td></tr>`)
    .join('');
}

function sectionHtml(section: SectionView): string {
  const heading = `<tr><td style="padding:20px 0 8px 0;${FONT}"><h2 style="margin:0;font-size:17px;line-height:23px;font-weight:600;color:${TEXT};">${e(section.heading)}</h2></td></tr>`;
  const size = (section.items?.length ?? 0) + (section.counts?.length ?? 0) + (section.lines?.length ?? 0);
  if (size === 0) {
    return `${heading}<tr><td style="padding:0 0 4px 0;${FONT}font-size:14px;line-height:20px;color:${MUTED};">${e(section.empty)}</td></tr>`;
  }
  const body = section.items
    ? section.items.map(itemHtml).join('')
    : section.counts
      ? countsHtml(section.counts)
      : linesHtml(section.lines ?? []);
  const more = section.more
    ? `<tr><td style="padding:0 0 8px 0;${FONT}font-size:14px;line-height:20px;color:${TEXT};">…and ${section.more} more in the tracker.</td></tr>`
    : '';
  return heading + body + more;
}

function partHeading(title: string): string {
  return `<tr><td style="padding:24px 0 0 0;border-bottom:2px solid ${BRAND};${FONT}"><h1 style="margin:0 0 6px 0;font-size:20px;line-height:26px;font-weight:600;color:${TEXT};">${e(title)}</h1></td></tr>`;
}

/** The digest as a complete HTML email document (UTF-8). Every piece of user text is escaped. */
export function renderDigestHtml(view: DigestView): string {
  const own = view.ownSections.length ? partHeading('Your items') + view.ownSections.map(sectionHtml).join('') : '';
  const school = view.schoolSections.length ? partHeading('Whole-school picture') + view.schoolSections.map(sectionHtml).join('') : '';
  const content = table(
    `<tr><td bgcolor="${BRAND}" style="background-color:${BRAND};padding:20px 24px;${FONT}">
<p style="margin:0;font-size:13px;line-height:18px;color:#ffffff;">${e(view.schoolName)}</p>
<p style="margin:4px 0 0 0;font-size:22px;line-height:28px;font-weight:600;color:#ffffff;">SEND Tracker weekly digest</p>
<p style="margin:4px 0 0 0;font-size:14px;line-height:20px;color:#ffffff;">${e(view.weekLabel)}</p>
</td></tr>
<tr><td style="padding:8px 24px 24px 24px;${FONT}">${table(
      `<tr><td style="padding:16px 0 0 0;${FONT}font-size:15px;line-height:22px;color:${TEXT};${WRAP}">${e(view.greeting)}<br>${e(view.preheader)}</td></tr>${own}${school}
<tr><td style="padding:24px 0 0 0;${FONT}font-size:14px;line-height:20px;"><a href="${e(view.trackerLink)}" style="color:${LINK};text-decoration:underline;font-weight:600;">Open the SEND Tracker</a></td></tr>`,
    )}</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid ${RULE};${FONT}font-size:12px;line-height:18px;color:${MUTED};">This email contains information about pupils with special educational needs. Do not forward it outside school. You get it because you own items in the SEND Tracker or lead SEND.</td></tr>`,
    'max-width:600px;background-color:#ffffff;',
    ' bgcolor="#ffffff" align="center"',
  );
  return `<!DOCTYPE html>
<html lang="en-GB" xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(view.subject)}</title>
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
</head>
<body style="margin:0;padding:0;width:100%;background-color:#f3f2f1;word-spacing:normal;">
<div role="article" aria-roledescription="email" aria-label="${e(view.subject)}" lang="en-GB" style="background-color:#f3f2f1;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${e(view.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f2f1" style="width:100%;border-collapse:collapse;background-color:#f3f2f1;">
<tr><td align="center" style="padding:16px 8px;">
<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
${content}
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</div>
</body>
</html>
`;
}
