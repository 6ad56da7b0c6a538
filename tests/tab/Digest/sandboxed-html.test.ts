import { PREVIEW_CSP, sandboxedSrcDoc } from '@tab/Digest/sandboxed-html';

describe('sandboxedSrcDoc', () => {
  it('puts the no-script, no-load policy first in the head of the preview', () => {
    const doc = sandboxedSrcDoc('<!doctype html><html><head lang="en"><title>Digest</title></head><body>Hi</body></html>');
    expect(doc).toBe(
      `<!doctype html><html><head lang="en"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"><title>Digest</title></head><body>Hi</body></html>`,
    );
  });

  it('still carries the policy when the HTML has no head', () => {
    expect(sandboxedSrcDoc('<p>Hi</p>').startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true);
  });
});
