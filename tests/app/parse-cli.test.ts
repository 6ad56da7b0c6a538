import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Runs the parser CLI as a real process, the way scripts call it. */
function runCli(args: string[], input?: string) {
  const result = spawnSync(tsx, ['src/app/parse-cli.ts', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('parse CLI', () => {
  it('prints the proposed actions as JSON, with the demo school pupils and roles', () => {
    const text =
      'Actions:\n- <at>Tom Reed</at> to phone mum re reading plan by Friday\n- SENCO to send EP referral for J.B. by 7/5\n- Monitor progress\n- parents to send in the consent form';
    const { code, stdout, stderr } = runCli(['--now', '2026-04-23T10:00', text]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The message names one pupil, so every line is about J.B.; "Monitor progress" gives no type away.
    const jb = { id: 'p-0001', name: 'J.B.' };
    expect(JSON.parse(stdout)).toEqual({
      eventType: 'sen_support_meeting',
      actions: [
        {
          owner: { id: '00000000-0000-4000-8000-000000000002', name: 'Tom Reed' },
          due: '2026-04-24',
          pupil: jb,
          itemType: 'parent_follow_up',
          itemTypeGuessed: false,
          description: 'Phone mum re reading plan',
          warnings: [],
        },
        {
          owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Priya Shah' },
          due: '2026-05-07',
          pupil: jb,
          itemType: 'professional_referral',
          itemTypeGuessed: false,
          description: 'Send EP referral for J.B.',
          warnings: [],
        },
        {
          owner: null,
          due: null,
          pupil: jb,
          itemType: 'parent_follow_up',
          itemTypeGuessed: true,
          description: 'Monitor progress',
          warnings: ["'Monitor progress' is not an action: what, by when?", 'No owner', 'No due date'],
        },
        {
          owner: { role: 'parents' },
          due: null,
          pupil: jb,
          itemType: 'document_to_share',
          itemTypeGuessed: false,
          description: 'Send in the consent form',
          warnings: ["Owner 'parents' is not a member of staff: whoever saves this chases it, unless you choose who will.", 'No due date'],
        },
      ],
    });
  });

  it('reads --now without a zone as London time: 00:30 on 1 July is still 1 July in BST', () => {
    const { stdout } = runCli([
      '--now',
      '2026-07-01T00:30',
      '--term-end',
      '2026-07-22',
      'SENCO to update SSP for J.B. tomorrow, then review by end of term',
    ]);
    expect(JSON.parse(stdout).actions[0].due).toBe('2026-07-02');
    const zoned = runCli(['--now', '2026-06-30T23:30:00Z', 'SENCO to update SSP for J.B. today']);
    expect(JSON.parse(zoned.stdout).actions[0].due).toBe('2026-07-01');
  });

  it('uses --term-end for "end of term" and reads the message from standard input with -', () => {
    const { code, stdout } = runCli(
      ['--now', '2026-04-23T10:00', '--term-end', '2026-07-22', '-'],
      'Action: SENCO to book annual review for M.T. by end of term',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).actions).toEqual([
      expect.objectContaining({ due: '2026-07-22', itemType: 'annual_review', description: 'Book annual review for M.T.' }),
    ]);
  });

  it.each([
    [['--bogus', 'x'], /Unknown option '--bogus'/],
    [['--now', '2026-02-31T10:00', 'x'], /--now: must be a date and time/],
    [['--now', 'yesterday', 'x'], /--now: must be a date and time/],
    [['--term-end', '22/07/2026', 'x'], /--term-end: must be a real date, YYYY-MM-DD/],
    [['--now', '2026-04-23T10:00'], /give the message as one argument/],
    [['one', 'two'], /give the message as one argument/],
  ])('refuses bad arguments %j with a message on stderr and exit code 2', (args, message) => {
    const { code, stdout, stderr } = runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: npm run --silent parse/);
  });
});
