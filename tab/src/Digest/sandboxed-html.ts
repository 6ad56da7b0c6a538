/**
 * The preview email as an iframe `srcdoc`. The server sends the preview with a CSP that forbids
 * everything but inline styles; a srcdoc frame does not get that header, so the same policy goes
 * in as a meta tag (and the frame's sandbox allows no scripts, so nothing in it can run or load anything).
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function sandboxedSrcDoc(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}
