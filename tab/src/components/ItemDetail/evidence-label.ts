/**
 * How an evidence link reads: the document's name and where it lives ("letter.docx on
 * oakfield.sharepoint.com"), not a 200-character address that overflows a phone screen.
 */
export function evidenceLabel(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const last = pathname.split('/').filter(Boolean).at(-1);
    const name = last ? decodeURIComponent(last) : '';
    return name ? `${name} on ${hostname}` : hostname;
  } catch {
    return url;
  }
}
