import fc from 'fast-check';
import { demoRoles } from '@/app/demo/demo-context';
import { MAX_MESSAGE_LENGTH, parseActions } from '@/capture/parse/parse-actions';
import type { CaptureContext, Mention, ProposedAction } from '@/capture/parse/proposed-action';
import { isIsoDate } from '@/kernel/dates';
import { ITEM_TYPES } from '@/kernel/item-type';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';

const staff = Object.values(DEMO_STAFF);
const allRoles = demoRoles();

const contextArb: fc.Arbitrary<CaptureContext> = fc.record({
  now: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
  mentions: fc.subarray(staff).map((people): Mention[] => people.map((person) => ({ text: `<at>${person.name}</at>`, person }))),
  pupils: fc.subarray(DEMO_PUPILS),
  roles: fc.subarray(Object.keys(allRoles)).map((keys) => Object.fromEntries(keys.map((k) => [k, allRoles[k]!]))),
  meetingPupil: fc.option(fc.constantFrom(...DEMO_PUPILS), { nil: null }),
  termEnd: fc.option(fc.constant('2026-07-22'), { nil: null }),
  nextReview: fc.option(fc.constant('2026-06-10'), { nil: null }),
});

const owners = [
  ...staff.map((p) => `<at>${p.name}</at>`),
  '<at>Jo Bloggs</at>',
  '<at id="3">Grace Okafor</at>',
  'SENCO',
  'senco',
  'The SENCO',
  'class teacher',
  "J.B.'s class teacher",
  'Year 4 class teacher',
  'Attendance lead',
  'year lead',
  'parent',
  'Parents',
  'mum',
  'EP',
  'school',
  'Team',
  'TBC',
  'everyone',
  'Tom',
  'Priya',
  'I',
  'We',
  'Phone mum',
];
const joiners = [' and ', ', ', ' & ', ' / ', ' '];
const verbs = [' to ', ' will ', ': ', ' - ', ' to be ', ' needs to ', ' '];
const tasks = [
  'phone mum re reading plan',
  'send EP referral for J.B.',
  'monitor progress',
  'support discussed',
  'meet parents',
  'update the SSP for A.K.',
  'start phonics group with KD',
  'share report with <at>Tom Reed</at>',
  'book annual review',
  'add movement breaks',
  '',
  'x',
  '&nbsp;',
  '&lt;at&gt;Tom Reed&lt;/at&gt;',
  '\u0000',
  '\u00000\u0000',
];
const dates = [
  '',
  ' by Friday',
  ' by next Friday',
  ' 24 April',
  ' by 24th April',
  ' by 24/4',
  ' 7/5',
  ' 7/5/2026',
  ' in two weeks',
  ' within 2 weeks',
  ' for four weeks',
  ' by end of term',
  ' before the next review',
  ' tomorrow',
  ' by the end of the week',
  ' end of the month',
  ' by 31/02',
  ' 99/99',
  ' 0/0/0000',
  ' 29/2',
  ' on 2026-02-31',
  ' by May 7th',
  ' in 999 weeks',
];
const bullets = ['', '- ', '* ', '• ', '1. ', '2) ', 'Action: ', '<li>', '<p>'];
const headings = ['', 'Actions:', 'Agreed actions', 'Next steps:', 'Discussed:', '<p>Actions:</p>', '<at>SEND Tracker</at> Actions:'];

const lineArb = fc
  .tuple(
    fc.constantFrom(...bullets),
    fc.array(fc.constantFrom(...owners), { minLength: 0, maxLength: 3 }),
    fc.constantFrom(...joiners),
    fc.constantFrom(...verbs),
    fc.constantFrom(...tasks),
    fc.constantFrom(...dates),
  )
  .map(([bullet, who, join, verb, task, date]) => `${bullet}${who.join(join)}${who.length ? verb : ''}${task}${date}`);

const chatArb = fc
  .tuple(fc.constantFrom(...headings), fc.array(lineArb, { maxLength: 8 }), fc.constantFrom('\n', '<br>', '</p><p>', '\r\n'))
  .map(([heading, lines, sep]) => [heading, ...lines].join(sep));

/** How a reader sees the message: tags gone, &nbsp; a space, lower case, single spaces. */
function readable(text: string): string {
  return text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const firstName = (name: string) => name.toLowerCase().split(' ')[0]!;

/** True when the owner of `action` is written in `text`: an @mention of them, the role word, or their name. */
function ownerIsInText(action: ProposedAction, text: string, ctx: CaptureContext): boolean {
  const seen = readable(text);
  if (action.owner === null) return true;
  if (action.owner.kind === 'role') return seen.includes(action.owner.role);
  const id = action.owner.person.id;
  const byMention = ctx.mentions.some((m) => m.person.id === id && seen.includes(m.person.name.toLowerCase().split(' ')[0]!));
  const byRole = Object.entries(ctx.roles).some(
    ([key, person]) => person.id === id && (seen.includes(key) || (/class teacher$/.test(key) && seen.includes('teacher'))),
  );
  const byName = [...(ctx.staff ?? []), ...Object.values(ctx.roles)].some((p) => p.id === id && seen.includes(firstName(p.name)));
  return byMention || byRole || byName;
}

function isWellFormed(action: ProposedAction): boolean {
  return (
    typeof action.description === 'string' &&
    action.description.length <= 500 &&
    (action.due === null || isIsoDate(action.due)) &&
    ITEM_TYPES.includes(action.itemType) &&
    Array.isArray(action.warnings) &&
    action.warnings.every((w) => typeof w === 'string' && w.length > 0)
  );
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), chatArb);

describe('parseActions properties', () => {
  it('never throws and always returns well-formed actions, whatever the text', () => {
    fc.assert(
      fc.property(anyText, contextArb, (text, ctx) => {
        const actions = parseActions(text, ctx);
        return Array.isArray(actions) && actions.every(isWellFormed);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on messages longer than the limit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: MAX_MESSAGE_LENGTH, maxLength: MAX_MESSAGE_LENGTH + 2000 }),
        contextArb,
        (text, ctx) => Array.isArray(parseActions(text, ctx)),
      ),
      { numRuns: 15 },
    );
  });

  it('gives only person owners that are @mentioned or in the role table', () => {
    fc.assert(
      fc.property(anyText, contextArb, (text, ctx) => {
        const allowed = new Set([...ctx.mentions.map((m) => m.person.id), ...Object.values(ctx.roles).map((p) => p.id)]);
        return parseActions(text, ctx).every((a) => a.owner?.kind !== 'person' || allowed.has(a.owner.person.id));
      }),
      { numRuns: 400 },
    );
  });

  it('never invents an owner: every owner is written in the message as a mention, a role word or a name', () => {
    fc.assert(
      fc.property(anyText, contextArb, (text, ctx) => parseActions(text, ctx).every((a) => ownerIsInText(a, text, ctx))),
      { numRuns: 400 },
    );
  });

  it('gives no person as owner when nobody is @mentioned and no role or staff name from the table is written', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), chatArb), contextArb, (text, ctx) => {
        // "class teacher" resolves through the table's "year N class teacher" for the pupil.
        const seen = readable(text);
        fc.pre(!Object.keys(ctx.roles).some((key) => seen.includes(key)) && !seen.includes('teacher'));
        fc.pre(!Object.values(ctx.roles).some((p) => seen.includes(firstName(p.name))));
        const noMentions = { ...ctx, mentions: [] };
        return parseActions(text, noMentions).every((a) => a.owner === null || a.owner.kind === 'role');
      }),
      { numRuns: 300 },
    );
  });

  it('gives each action exactly one owner: "X and Y to ..." becomes one action per owner', () => {
    fc.assert(
      fc.property(contextArb, fc.constantFrom(...staff), fc.constantFrom(...staff), (ctx, a, b) => {
        fc.pre(a.id !== b.id);
        const text = `<at>${a.name}</at> and <at>${b.name}</at> to phone mum by Friday`;
        const mentions = [a, b].map((person) => ({ text: `<at>${person.name}</at>`, person }));
        const actions = parseActions(text, { ...ctx, mentions });
        return actions.length === 2 && actions.every((x, i) => x.owner?.kind === 'person' && x.owner.person.id === [a, b][i]!.id);
      }),
    );
  });
});
