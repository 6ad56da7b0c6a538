import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { composeDigestEmail } from '@/digest/compose-digest-email';
import { deepLinks } from '@/digest/deep-links';
import { buildMimeMessage } from '@/digest/mime-message';
import { OutboxMailSender } from '@/digest/outbox-mail-sender';
import { hostileContents, zoe } from './support/hostile-content';

const links = deepLinks({ publicUrl: 'https://tracker.oakfield.example' });

async function writeAndParse() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-eml-'));
  const outbox = new OutboxMailSender(
    dir,
    { name: 'SEND Tracker', email: 'send-tracker@oakfield.example' },
    () => new Date('2026-11-23T07:00:00Z'),
  );
  const content = hostileContents().find((c) => c.recipient.id === zoe.id);
  if (!content) throw new Error('fixture has no digest for Zoë');
  const receipt = await outbox.send(composeDigestEmail(content, links, 'Oakfield Primary'));
  const raw = fs.readFileSync(path.join(dir, receipt.reference), 'utf8');
  return { raw, mail: await simpleParser(raw), content };
}

describe('the digest .eml', () => {
  it('parses with a subject, a recipient and both an HTML and a plain-text part', async () => {
    const { mail } = await writeAndParse();
    expect(mail.subject).toBe('Your SEND actions for the week beginning Mon 23 Nov 2026');
    expect(mail.from?.value[0]?.address).toBe('send-tracker@oakfield.example');
    expect(mail.date?.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(mail.html).toContain('SEND Tracker weekly digest');
    expect(mail.text).toContain('== Your items ==');
  });

  it('keeps non-ASCII names intact in the headers and both bodies', async () => {
    const { mail } = await writeAndParse();
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value[0]).toEqual({ name: 'Zoë Ångström', address: 'z.angstrom@oakfield.example' });
    expect(mail.text).toContain('Zoë’s mum');
    expect(mail.html).toContain('Zoë’s mum');
    expect(mail.text).toContain('Good morning Zoë,');
  });

  it('shows markup typed into an action as text, never as HTML', async () => {
    const { mail } = await writeAndParse();
    const html = String(mail.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>agree</b>');
    expect(html).not.toContain('<i>B</i>');
    expect(html).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt; **Ring**');
    expect(html).toContain('Zoë &lt;i&gt;B&lt;/i&gt;');
    expect(mail.text).toContain('<script>window.__pwned = true</script> **Ring**');
  });

  it('links each item to the tracker tab', async () => {
    const { mail, content } = await writeAndParse();
    const first = content.own?.overdue[0];
    expect(String(mail.html)).toContain(`href="https://tracker.oakfield.example/tab/?view=item&amp;id=${first?.id}"`);
    expect(mail.text).toContain(`https://tracker.oakfield.example/tab/?view=item&id=${first?.id}`);
  });

  it('ends every line with CRLF and keeps lines within the MIME limit', async () => {
    const { raw } = await writeAndParse();
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const textPart = raw.split('Content-Transfer-Encoding: quoted-printable\r\n\r\n')[1]?.split('\r\n--=_')[0] ?? '';
    expect(textPart.length).toBeGreaterThan(0);
    expect(textPart.split('\r\n').every((line) => line.length <= 76)).toBe(true);
  });
});

describe('buildMimeMessage', () => {
  it('encodes a non-ASCII subject so it survives, however long', async () => {
    const subject = `Zoë’s plan — ${'très long '.repeat(12)}`.trim();
    const raw = (
      await buildMimeMessage({
        from: { name: 'SEND Tracker', email: 's@x.example' },
        to: { name: 'Zoë', email: 'z@x.example' },
        subject,
        text: 'Hi Zoë',
        html: '<p>Hi Zoë</p>',
        date: new Date(),
      })
    ).toString();
    expect(raw.split('\r\n').find((l) => l.startsWith('Subject:'))).toMatch(/^Subject: =\?UTF-8\?B\?/);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.text?.trim()).toBe('Hi Zoë');
  });

  it('cannot be made to start a new header by a line break in a name or subject', async () => {
    const raw = (
      await buildMimeMessage({
        from: { name: 'A', email: 'a@x.example' },
        to: { name: 'Eve\r\nBcc: x@evil.example', email: 'e@x.example' },
        subject: 'Hi\r\nBcc: y@evil.example',
        text: 't',
        html: 'h',
        date: new Date(),
      })
    ).toString();
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(raw).not.toMatch(/^Bcc:/m);
  });
});

describe('deep links', () => {
  it('open the tab inside Teams when a Teams app id is configured', () => {
    const teams = deepLinks({ publicUrl: 'https://x.example', teamsAppId: '11111111-2222-4333-8444-555555555555' });
    const url = new URL(teams.item('abc-1'));
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/11111111-2222-4333-8444-555555555555/tracker');
    expect(JSON.parse(url.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'view=item&id=abc-1' });
  });
});
