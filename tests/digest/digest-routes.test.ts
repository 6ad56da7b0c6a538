import { DEMO_STAFF } from '@/app/demo/school';
import { outboxRecipients } from './support/digest-fixture';
import { startDigestApp } from './support/start-digest-app';

const sencoUser = { ...DEMO_STAFF.senco, sendTeam: true };
const teacherUser = { ...DEMO_STAFF.year4Teacher, sendTeam: false };
const post = (url: string, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers });

describe('weekly digest over HTTP', () => {
  it('runs the task from this machine in embedded mode, once per week', async () => {
    const app = await startDigestApp({ user: sencoUser });
    try {
      const first = await post(`${app.baseUrl}/api/tasks/weekly-digest`);
      expect(first.status).toBe(200);
      const body = (await first.json()) as { week: string; sent: string[] };
      expect(body.week).toBe('2026-W48');
      expect(body.sent.length).toBeGreaterThan(1);
      const again = (await (await post(`${app.baseUrl}/api/tasks/weekly-digest`)).json()) as { sent: string[]; skipped: string[] };
      expect(again.sent).toEqual([]);
      expect(outboxRecipients(app.outboxDir)).toHaveLength(body.sent.length);

      const outbox = (await (await fetch(`${app.baseUrl}/api/digest/outbox`)).json()) as { messages: { file: string; bytes: number }[] };
      expect(outbox.messages).toHaveLength(body.sent.length);
      expect(outbox.messages.every((m) => m.file.endsWith('.eml') && m.bytes > 1000)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('in tenant mode, runs the task only for a caller with the task key', async () => {
    const key = 'k'.repeat(32);
    const app = await startDigestApp({ user: sencoUser, mode: 'tenant', taskKey: key });
    try {
      expect((await post(`${app.baseUrl}/api/tasks/weekly-digest`)).status).toBe(403);
      expect((await post(`${app.baseUrl}/api/tasks/weekly-digest`, { 'x-task-key': 'wrong' })).status).toBe(403);
      expect(outboxRecipients(app.outboxDir)).toEqual([]);
      expect((await post(`${app.baseUrl}/api/tasks/weekly-digest`, { 'x-task-key': key })).status).toBe(200);
      expect(outboxRecipients(app.outboxDir).length).toBeGreaterThan(1);
    } finally {
      await app.close();
    }
  });

  it('previews any recipient’s email for the SEND team, as HTML that may not run script', async () => {
    const app = await startDigestApp({ user: sencoUser });
    try {
      const res = await fetch(`${app.baseUrl}/api/digest/preview?recipient=${DEMO_STAFF.year4Teacher.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('Good morning Tom,');
      expect(html).toContain('Phone parent to agree the home reading plan');
      // A preview sends nothing.
      expect(outboxRecipients(app.outboxDir)).toEqual([]);
      expect((await fetch(`${app.baseUrl}/api/digest/preview?recipient=nobody`)).status).toBe(404);
      expect((await fetch(`${app.baseUrl}/api/digest/preview`)).status).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('keeps previews and the outbox from staff outside the SEND team', async () => {
    const app = await startDigestApp({ user: teacherUser });
    try {
      expect((await fetch(`${app.baseUrl}/api/digest/preview?recipient=${DEMO_STAFF.year4Teacher.id}`)).status).toBe(403);
      expect((await fetch(`${app.baseUrl}/api/digest/outbox`)).status).toBe(403);
    } finally {
      await app.close();
    }
  });
});
