import type { Pupil } from '@/kernel/action';
import { mentionKey } from './plain-text';
import { ACTION_VERBS, COLLECTIVE_OWNER_WORDS, EXTERNAL_ROLE_WORDS, STAFF_ROLE_WORDS, YEAR_TEACHER } from './owner-words';
import type { CaptureContext, ProposedOwner } from './proposed-action';

/** Trims any of `chars` from the end. A loop, because `[chars]+$` backtracks quadratically on long runs. */
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** "Send referral (owner: SENCO)" -> subject "SENCO", rest "Send referral". Uses the last "owner:" label. */
function splitOwnerLabel(line: string): { subject: string; rest: string } | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of line.matchAll(OWNER_LABEL)) last = match;
  if (!last) return undefined;
  const subject = trimEndOf(line.slice(last.index + last[0].length), ' .!)]').trim();
  if (subject.length === 0 || subject.length > 80 || /[()[\]]/.test(subject)) return undefined;
  return { subject, rest: trimEndOf(line.slice(0, last.index), ' ([,;–—-').trim() };
}

/** One owner read from a line, with the reason it is not ready (if any). */
export interface OwnerFinding {
  owner: ProposedOwner;
  warnings: string[];
}

export interface OwnerResult {
  /** Empty when the line names no owner; two or more for "X and Y to ...". */
  owners: OwnerFinding[];
  /** The line without the owner phrase. */
  rest: string;
}

type OwnerContext = Pick<CaptureContext, 'mentions' | 'roles' | 'staff'>;

// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
const MENTION_ONLY = /^\u0000(\d+)\u0000$/;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;
/** "X to ...", "X will ...", "X needs to ...". Passive "X to be ..." is not an owner. */
const LEADING = /^(.{1,80}?)\s+(?:is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to|will|to|should|must)\s+(?!be\b)(\S.*)$/is;
/** "<at>Tom</at>: phone mum", "<at>Tom</at> - phone mum", "<at>Tom</at> phone mum". */
// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
const LEADING_MENTIONS = /^((?:\u0000\d+\u0000)(?:\s*(?:,|&|\+|\/|\band\b)\s*\u0000\d+\u0000)*)\s*[:\-–—,]?\s*(\S.*)$/is;
/** "Year lead: trial a shorter routine", "Attendance lead - meet with mum": the owner as a label. */
// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
const LEADING_LABEL = /^([^:\u0000]{1,40}?|\u0000\d+\u0000)\s*(?::|\s[-–—])\s*(\S.*)$/s;
/** "EP referral to be completed by SENCO": the owner after a passive verb. */
const PASSIVE_BY = /^(.*?\bto\s+be\s+\S+)\s+by\s+(.{1,60}?)\s*[.!]?\s*$/is;
/** "... (owner: SENCO)", "... Owner - Tom". */
const OWNER_LABEL = /\bowners?\s*[:=\-–—]\s*/gi;
/** "... - SENCO", "... (class teacher)", "... – <at>Tom</at>". */
const TRAILING = /^(.*?\S)\s*(?:[-–—:]|\(|\[)\s*([^()[\]\-–—:]{1,60}?)\s*[)\]]?\s*[.!]?\s*$/s;
/** "... <at>Tom</at>" at the very end. */
// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
const TRAILING_MENTIONS = /^(.*?\S)\s+((?:\u0000\d+\u0000)(?:\s*(?:,|&|\band\b)\s*\u0000\d+\u0000)*)\s*[.!]?\s*$/s;

function normalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops "the", "our", "J.B.'s" in front of an owner word. */
function stripDeterminer(part: string): string {
  return part
    .replace(/^(?:the|our|your|their|his|her|a|an)\s+/i, '')
    .replace(/^\S+['’]s\s+(?=\S)/, '')
    .trim();
}

interface PartOptions {
  /** Capitalised names are only trusted in front of "to": "Tom to phone mum". */
  allowNames: boolean;
}

/**
 * Resolves one owner word. Returns undefined when `part` is not an owner word at all, so the
 * caller leaves the line as it is rather than guess.
 */
function resolvePart(raw: string, ctx: OwnerContext, pupil: Pupil | null, opts: PartOptions): OwnerFinding | undefined {
  const part = stripDeterminer(raw.trim());
  if (part === '') return undefined;
  const mention = MENTION_ONLY.exec(part);
  if (mention) {
    const m = ctx.mentions[Number(mention[1])];
    return m ? { owner: { kind: 'person', person: m.person }, warnings: [] } : undefined;
  }
  if (part.includes('\u0000')) return undefined;
  const word = normalise(part).replace(/^(?:the|our)\s+/, '');
  const shown = part.replace(/[.!?]+$/, '');
  const fromTable = Object.hasOwn(ctx.roles, word) ? ctx.roles[word] : undefined;
  if (fromTable) return { owner: { kind: 'person', person: fromTable }, warnings: [] };
  if (word === 'class teacher' || word === 'teacher') {
    // Resolved per pupil only when the school's role table lists "year N class teacher".
    const key = pupil && pupil.yearGroup !== null ? `year ${pupil.yearGroup} class teacher` : undefined;
    const teacher = key && Object.hasOwn(ctx.roles, key) ? ctx.roles[key] : undefined;
    if (teacher) return { owner: { kind: 'person', person: teacher }, warnings: [] };
  }
  if (STAFF_ROLE_WORDS.includes(word) || YEAR_TEACHER.test(word)) {
    return { owner: { kind: 'role', role: word }, warnings: [`No one is set up as '${shown}': choose the owner`] };
  }
  if (EXTERNAL_ROLE_WORDS.includes(word)) {
    return {
      owner: { kind: 'role', role: word },
      warnings: [`Owner '${shown}' is not a member of staff: whoever saves this chases it, unless you choose who will.`],
    };
  }
  if (COLLECTIVE_OWNER_WORDS.includes(word) || /^(?:both|all|every|any)\s/.test(word)) {
    return { owner: null, warnings: [`Owner '${shown}' is not one person`] };
  }
  if (!opts.allowNames) return undefined;
  const words = part.split(/\s+/);
  if (words.length > 3 || !words.every((w) => NAME_WORD.test(w)) || ACTION_VERBS.has(words[0]!.toLowerCase())) {
    return undefined;
  }
  // A plain name counts only when it fits exactly one person @mentioned here or known as staff: never guess.
  const people = [...ctx.mentions.map((m) => m.person), ...(ctx.staff ?? [])];
  const matches = people.filter((person) => {
    const name = mentionKey(person.name);
    return name === word || (words.length === 1 && name.split(' ')[0] === word);
  });
  const ids = new Set(matches.map((m) => m.id));
  if (ids.size === 1) return { owner: { kind: 'person', person: matches[0]! }, warnings: [] };
  if (ids.size > 1) return { owner: null, warnings: [`Owner '${shown}' could be ${matches.length} people: @mention them`] };
  return { owner: null, warnings: [`Owner '${shown}' is not recognised: @mention them`] };
}

/** "Attendance lead and class teacher" -> two owners; undefined unless every part is an owner word. */
function resolveOwners(subject: string, ctx: OwnerContext, pupil: Pupil | null, opts: PartOptions): OwnerFinding[] | undefined {
  const protectedSubject = subject.replace(/speech and language/gi, 'speech\u0001language');
  const parts = protectedSubject
    .split(/\s*(?:,|&|\+|\/|\band\b)\s*/i)
    // oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
    .map((p) => p.replace(/\u0001/g, ' and '))
    .filter((p) => p.trim() !== '');
  if (parts.length === 0 || parts.length > 6) return undefined;
  const found: OwnerFinding[] = [];
  for (const part of parts) {
    const finding = resolvePart(part, ctx, pupil, opts);
    if (!finding) return undefined;
    const id = finding.owner?.kind === 'person' ? finding.owner.person.id : undefined;
    if (id && found.some((f) => f.owner?.kind === 'person' && f.owner.person.id === id)) continue;
    found.push(finding);
  }
  return found;
}

/**
 * Finds who owns the action in one line: "X to ...", "<at>X</at>: ...", "... (owner: X)" or a
 * trailing "- X". An owner is only ever an @mention in `ctx.mentions`, or a role word written in
 * the line (resolved through `ctx.roles` when the school has set it up). Never throws.
 */
export function findOwner(line: string, ctx: OwnerContext, pupil: Pupil | null): OwnerResult {
  const attempts: [RegExp, PartOptions, 'subject-first' | 'subject-last'][] = [
    [LEADING_LABEL, { allowNames: true }, 'subject-first'],
    [PASSIVE_BY, { allowNames: true }, 'subject-last'],
    [LEADING, { allowNames: true }, 'subject-first'],
    [LEADING_MENTIONS, { allowNames: false }, 'subject-first'],
    [TRAILING_MENTIONS, { allowNames: false }, 'subject-last'],
    [TRAILING, { allowNames: false }, 'subject-last'],
  ];
  const labelled = splitOwnerLabel(line);
  if (labelled) {
    const owners = resolveOwners(labelled.subject, ctx, pupil, { allowNames: true });
    if (owners && labelled.rest !== '') return { owners, rest: labelled.rest };
  }
  for (const [pattern, opts, order] of attempts) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [subject, rest] = order === 'subject-first' ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
    const owners = resolveOwners(subject, ctx, pupil, opts);
    if (owners && rest.trim() !== '') return { owners, rest: rest.trim() };
  }
  return { owners: [], rest: line };
}
