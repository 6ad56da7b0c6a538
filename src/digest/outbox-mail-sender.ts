import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MailSender, OutboxEntry, OutgoingMail, SentReceipt } from '@/kernel/ports/mail-sender';
import { buildMimeMessage } from './mime-message';

/**
 * Embedded mode's "mail server": each email becomes an .eml file in the outbox folder, which
 * Outlook (or any mail client) opens. Files are written under a temporary name and renamed, so a
 * listing never shows half a message. Every send is a new file: a duplicate send would show.
 */
export class OutboxMailSender implements MailSender {
  constructor(
    private readonly dir: string,
    private readonly from: { name: string; email: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(mail: OutgoingMail): Promise<SentReceipt> {
    await fs.mkdir(this.dir, { recursive: true });
    const date = this.now();
    const file = `${date.toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
    const eml = await buildMimeMessage({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, date });
    const temp = path.join(this.dir, `.${file}.tmp`);
    await fs.writeFile(temp, eml);
    await fs.rename(temp, path.join(this.dir, file));
    return { reference: file };
  }

  /** The .eml files written so far, newest first. An outbox that does not exist yet is empty. */
  async list(): Promise<OutboxEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries = await Promise.all(
      names
        .filter((n) => n.endsWith('.eml') && !n.startsWith('.'))
        .map(async (file) => {
          const stat = await fs.stat(path.join(this.dir, file));
          return { file, bytes: stat.size, writtenAt: stat.mtime.toISOString() };
        }),
    );
    return entries.sort((a, b) => b.file.localeCompare(a.file));
  }
}
