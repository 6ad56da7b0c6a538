import { decodeEntities, mentionToken, toPlainText } from '@/capture/parse/plain-text';
import type { Mention } from '@/capture/parse/proposed-action';
import { DEMO_STAFF } from '@/app/demo/school';

const tom: Mention = { text: '<at>Tom Reed</at>', person: DEMO_STAFF.year4Teacher };

describe('toPlainText', () => {
  it('turns Teams paragraphs, line breaks and list items into lines', () => {
    const html = '<p>Actions:</p><ul><li>Phone mum</li><li>Send&nbsp;report</li></ul><p>a<br>b<br/>c</p>';
    const lines = toPlainText(html, [])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines).toEqual(['Actions:', '- Phone mum', '- Send report', 'a', 'b', 'c']);
  });

  it('replaces a known @mention with a token, matching by name whatever the tag attributes', () => {
    expect(toPlainText('x <at id="0">Tom Reed</at> to call', [tom])).toBe(`x ${mentionToken(0)} to call`);
    expect(toPlainText('x <at>tom  reed</at>', [{ ...tom, text: 'Tom Reed' }])).toBe(`x ${mentionToken(0)}`);
  });

  it('drops an unknown mention at the start (the bot being addressed) and keeps others as plain names', () => {
    expect(toPlainText('<p><at>SEND Tracker</at> Actions:</p>', [tom]).trim()).toBe('Actions:');
    expect(toPlainText('Ask <at>Jo Bloggs</at> to call', [tom])).toBe('Ask Jo Bloggs to call');
  });

  it('cannot be tricked into a mention by escaped tags or NUL characters', () => {
    expect(toPlainText('&lt;at&gt;Tom Reed&lt;/at&gt; to call', [tom])).toBe('<at>Tom Reed</at> to call');
    expect(toPlainText('\u00000\u0000 to call', [tom])).toBe('0 to call');
    expect(toPlainText('&#0;0&#0; to call', [tom])).toBe('&#0;0&#0; to call');
  });

  it('decodes the entities Teams writes and leaves impossible ones as written', () => {
    expect(decodeEntities('Tom &amp; Grace &#8211; J.B.&#39;s plan &#x1F600; &#1114112; &bogus;')).toBe(
      "Tom & Grace – J.B.'s plan 😀 &#1114112; &bogus;",
    );
  });
});
