import type { Pupil } from '@/kernel/action';
import type { KnownPupil } from './proposed-action';

type Kind = 'initials' | 'name';

interface Pattern {
  pattern: RegExp;
  kind: Kind;
}

export interface PupilMatcher {
  pupil: Pupil;
  patterns: Pattern[];
}

/** One place in a line that names a pupil, with every pupil it fits. */
interface Reference {
  index: number;
  length: number;
  kind: Kind;
  pupils: Pupil[];
}

export interface PupilFinding {
  /** The one pupil the line is about, or null (none named, or two fit). */
  pupil: Pupil | null;
  /** When the earliest reference fits two or more pupils ("L.W."): all of them, for the card to ask. */
  choices: Pupil[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
/** "J.B.", "JB", "J. B." — a pupil known by initials. */
const INITIALS = /^(?:\p{Lu}\.?\s?){2,4}$/u;
/** "(Year 2)", "in Y2", ", Reception": a year group written just after a pupil. */
const YEAR_AFTER = /^\s*(?:\(|,|-|in\s+|from\s+)?\s*(?:(?:year|yr|y)\s*(\d{1,2})|(reception|rec\b))/i;

const plain = (pupil: KnownPupil): Pupil => ({ id: pupil.id, name: pupil.name, yearGroup: pupil.yearGroup });

/** A name as a pattern: capitalised words only (so "hall" or "wood" in a sentence are not pupils), apostrophes either way. */
function namePattern(name: string): RegExp {
  const source = escape(name.trim())
    .replace(/['’]/g, "['’]")
    .replace(/\s+/g, String.raw`\s+`);
  return new RegExp(`${EDGE_BEFORE}${source}${EDGE_AFTER}`, 'gu');
}

/**
 * Builds the patterns for each pupil once per message. Initials match dotted in any case ("J.B.",
 * "j.b") but undotted only in capitals ("JB"), because lower-case pairs such as "so" are words.
 * After a register import a pupil is also found by full name, surname or first name, written with a
 * capital; first names that are also staff first names (`staffFirstNames`) are left out, because
 * "Tom to phone mum" is about Tom the teacher.
 */
export function pupilMatchers(pupils: readonly KnownPupil[], staffFirstNames: ReadonlySet<string> = new Set()): PupilMatcher[] {
  return pupils
    .filter((p) => typeof p.name === 'string' && p.name.trim() !== '')
    .map((pupil) => {
      const name = pupil.name.trim();
      const patterns: Pattern[] = [];
      if (INITIALS.test(name)) {
        const letters = name.replace(/[.\s]/g, '').split('');
        const dotted = letters.map((l) => `${escape(l)}\\.`).join('\\s?');
        patterns.push({ pattern: new RegExp(`${EDGE_BEFORE}${dotted.slice(0, -2)}(?:\\.)?${EDGE_AFTER}`, 'giu'), kind: 'initials' });
        patterns.push({ pattern: new RegExp(`${EDGE_BEFORE}${letters.map(escape).join('')}${EDGE_AFTER}`, 'gu'), kind: 'initials' });
      } else {
        patterns.push({
          pattern: new RegExp(`${EDGE_BEFORE}${escape(name)}${/\p{L}$/u.test(name) ? EDGE_AFTER : ''}`, 'giu'),
          kind: 'name',
        });
      }
      const forename = pupil.forename?.trim();
      const surname = pupil.surname?.trim();
      if (forename && surname) patterns.push({ pattern: namePattern(`${forename} ${surname}`), kind: 'name' });
      if (surname) patterns.push({ pattern: namePattern(surname), kind: 'name' });
      if (forename && !staffFirstNames.has(forename.toLowerCase())) patterns.push({ pattern: namePattern(forename), kind: 'name' });
      return { pupil: plain(pupil), patterns };
    });
}

/** Every place the line names a pupil, each with the pupils it fits; a longer name wins over a part of it. */
function references(line: string, matchers: readonly PupilMatcher[]): Reference[] {
  const found: Reference[] = [];
  for (const { pupil, patterns } of matchers) {
    for (const { pattern, kind } of patterns) {
      // Patterns are global and built once per message; matchAll works on a copy, so no state passes between lines.
      for (const match of line.matchAll(pattern)) {
        const same = found.find((r) => r.index === match.index && r.length === match[0].length);
        if (same) {
          if (!same.pupils.some((p) => p.id === pupil.id)) same.pupils.push(pupil);
        } else found.push({ index: match.index, length: match[0].length, kind, pupils: [pupil] });
      }
    }
  }
  // "Leo Wilson" also contains "Leo" and "Wilson": keep the longest reference at each place.
  return found
    .filter((r) => !found.some((o) => o !== r && o.index <= r.index && o.index + o.length >= r.index + r.length && o.length > r.length))
    .sort((a, b) => a.index - b.index);
}

/** Narrows a reference by a year group written straight after it ("L.W. (Year 2)", "Lily in Year 1"). */
function byYear(line: string, reference: Reference): Pupil[] {
  const year = YEAR_AFTER.exec(line.slice(reference.index + reference.length, reference.index + reference.length + 16));
  if (!year) return reference.pupils;
  const group = year[2] ? 0 : Number(year[1]);
  const narrowed = reference.pupils.filter((p) => p.yearGroup === group);
  return narrowed.length > 0 ? narrowed : reference.pupils;
}

/**
 * The pupil a line is about: the earliest pupil reference in it, else `fallback` (the message's or
 * meeting's pupil). When that reference fits two or more pupils, nobody is picked: `choices` lists
 * them all for the card to ask.
 */
export function findPupil(line: string, matchers: readonly PupilMatcher[], fallback: Pupil | null = null): PupilFinding {
  const first = references(line, matchers)[0];
  if (!first) return { pupil: fallback, choices: [] };
  const fits = byYear(line, first);
  return fits.length === 1 ? { pupil: fits[0]!, choices: [] } : { pupil: null, choices: fits };
}

/** The distinct pupils a line names (an ambiguous reference counts as none), for a message's shared pupil. */
export function pupilsNamed(line: string, matchers: readonly PupilMatcher[]): { pupils: Pupil[]; ambiguous: boolean } {
  const pupils: Pupil[] = [];
  let ambiguous = false;
  for (const reference of references(line, matchers)) {
    const fits = byYear(line, reference);
    if (fits.length > 1) ambiguous = true;
    else if (!pupils.some((p) => p.id === fits[0]!.id)) pupils.push(fits[0]!);
  }
  return { pupils, ambiguous };
}

/** "Mr and Mrs Patel", "Ms Wilson": a surname after a title is the family, not the pupil. */
const TITLE_BEFORE = /\b(?:mr|mrs|ms|miss|dr)\.?\s+(?:and\s+(?:mr|mrs|ms|miss)\.?\s+)?$/i;

/**
 * The line with every pupil named by name written as their initials instead ("for Leo Wilson" ->
 * "for L.W."): a tracked item shows pupils by initials, as the chat did not have to. A surname after
 * a title ("Mrs Patel") names the parent and stays as written.
 */
export function initialsForNames(line: string, matchers: readonly PupilMatcher[]): string {
  let out = '';
  let at = 0;
  for (const reference of references(line, matchers)) {
    const initials = new Set(reference.pupils.map((p) => p.name));
    if (reference.kind !== 'name' || initials.size !== 1 || reference.index < at) continue;
    if (TITLE_BEFORE.test(line.slice(Math.max(0, reference.index - 20), reference.index))) continue;
    out += line.slice(at, reference.index) + [...initials][0]!;
    at = reference.index + reference.length;
  }
  return out + line.slice(at);
}
