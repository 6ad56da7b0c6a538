import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, parseActions } from '@/capture/parse/parse-actions';
import { demoRoles } from '@/app/demo/demo-context';
import { DEMO_PUPILS } from '@/app/demo/school';
import { ValidationError } from '@/kernel/errors';
import { parseInput } from '@/kernel/validate';

/**
 * Fuzz over every exported zod schema at a boundary: the kernel's (src/kernel/action.ts) and every
 * feature's route and card schemas (files under src/ named -schema.ts or -schemas.ts, found by file name so a new one is
 * covered; storage adapters' list schemas are not input boundaries). Whatever JSON-ish value arrives, parsing either succeeds or fails
 * with ZodError (ValidationError through parseInput) — never a TypeError from inside a transform.
 */
const ROOT = path.join(__dirname, '../..');
const moduleFiles = [
  'src/kernel/action.ts',
  ...(fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[])
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .filter((f) => /-schemas?\.ts$/.test(f) && !f.startsWith('src/storage/')),
];

const schemas: [string, z.ZodType][] = moduleFiles.flatMap((file) =>
  Object.entries(require(path.join(ROOT, file)) as Record<string, unknown>)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]): [string, z.ZodType] => [`${file} ${name}`, schema]),
);

/** Object keys and enum values found anywhere in the schemas, so generated objects reach past the first check. */
function vocabulary(roots: z.ZodType[]): { keys: string[]; words: string[] } {
  const keys = new Set<string>();
  const words = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || seen.has(node) || depth > 40) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (record.shape && typeof record.shape === 'object') Object.keys(record.shape).forEach((k) => keys.add(k));
    if (record.entries && typeof record.entries === 'object')
      Object.values(record.entries as object).forEach((v) => typeof v === 'string' && words.add(v));
    for (const value of Object.values(record)) walk(value, depth + 1);
  };
  roots.forEach((schema) => walk(schema, 0));
  return { keys: [...keys], words: [...words] };
}

const { keys, words } = vocabulary(schemas.map(([, s]) => s));
// Row inputs of the proposed-actions card are built from indices, not a shape.
const cardKeys = ['d0', 'o0', 'u0', 'p0', 't0', 'x0', 'd1', 'u1'];
const tricky = [
  '',
  ' ',
  '2026-02-31',
  '31/02/2026',
  '2026-13-01',
  '0',
  '-1',
  '1e309',
  'true',
  'false',
  'null',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '__proto__',
  'constructor',
  '\u0000',
  'a'.repeat(5000),
];

const { value: fuzzValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, tie('primitive'), tie('array'), tie('object'), tie('object')),
  primitive: fc.oneof(
    fc.string(),
    fc.constantFrom(...words, ...keys, ...tricky),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom(...keys, ...cardKeys, 'extra'), tie('value'), { maxKeys: 8 }),
}));

const anyInput = fc.oneof(fuzzValue, fc.anything(), fc.jsonValue());

describe('fuzz: every boundary schema rejects bad input cleanly', () => {
  it('finds the schemas it is meant to cover', () => {
    const names = schemas.map(([name]) => name.split(' ')[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        'newActionSchema',
        'actionPatchSchema',
        'updateActionBody',
        'proposalDataSchema',
        'cardActionValueSchema',
        'importConfirmBody',
      ]),
    );
    expect(schemas.length).toBeGreaterThanOrEqual(20);
  });

  it.each(schemas)('%s: parses or throws ZodError, and parseInput throws only ValidationError', (_name, schema) => {
    fc.assert(
      fc.property(anyInput, (value) => {
        const result = schema.safeParse(value);
        if (!result.success) expect(result.error).toBeInstanceOf(z.ZodError);
        try {
          parseInput(schema, value);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('fuzz: the chat parser takes anything', () => {
  const context = {
    now: new Date('2026-04-23T09:00:00Z'),
    mentions: [],
    pupils: DEMO_PUPILS,
    roles: demoRoles(),
    meetingPupil: null,
    termEnd: null,
    nextReview: null,
  };

  it('never throws when the message is not a string at all (a malformed activity)', () => {
    fc.assert(
      fc.property(fc.anything(), (text) => {
        expect(Array.isArray(parseActions(text as string, context))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on HTML-heavy or control-character text up to twice the size limit', () => {
    const piece = fc.constantFrom(
      '<at>Tom Reed</at>',
      '<p>',
      '</p>',
      '<br>',
      '&amp;',
      '&lt;script&gt;',
      '\u0000',
      '\r\n',
      '- ',
      'to phone mum by 31/02',
      ' by Friday',
      'SENCO',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 400 }), fc.nat(MAX_MESSAGE_LENGTH * 2), (parts, pad) => {
        const text = parts.join('') + 'x'.repeat(pad);
        expect(Array.isArray(parseActions(text, context))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
