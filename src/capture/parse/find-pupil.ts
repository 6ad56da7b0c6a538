import type { Pupil } from '@/kernel/action';

export interface PupilMatcher {
  pupil: Pupil;
  patterns: RegExp[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
/** "J.B.", "JB", "J. B." — a pupil known by initials. */
const INITIALS = /^(?:\p{Lu}\.?\s?){2,4}$/u;

/**
 * Builds the patterns for each pupil once per message. A name matches case-insensitively on word
 * boundaries. Initials match dotted in any case ("J.B.", "j.b") but undotted only in capitals ("JB"),
 * because lower-case pairs such as "so" or "ew" are ordinary words.
 */
export function pupilMatchers(pupils: readonly Pupil[]): PupilMatcher[] {
  return pupils
    .filter((p) => typeof p.name === 'string' && p.name.trim() !== '')
    .map((pupil) => {
      const name = pupil.name.trim();
      const patterns = [new RegExp(`${EDGE_BEFORE}${escape(name)}${/\p{L}$/u.test(name) ? EDGE_AFTER : ''}`, 'iu')];
      if (INITIALS.test(name)) {
        const letters = name.replace(/[.\s]/g, '').split('');
        const dotted = letters.map((l) => `${escape(l)}\\.`).join('\\s?');
        patterns.push(new RegExp(`${EDGE_BEFORE}${dotted.slice(0, -2)}(?:\\.)?${EDGE_AFTER}`, 'iu'));
        patterns.push(new RegExp(`${EDGE_BEFORE}${letters.map(escape).join('')}${EDGE_AFTER}`, 'u'));
      }
      return { pupil, patterns };
    });
}

/**
 * The pupil a line is about: the earliest pupil reference in it, else `fallback` (the meeting's
 * pupil).
 */
export function findPupil(line: string, matchers: readonly PupilMatcher[], fallback: Pupil | null = null): Pupil | null {
  let best: { pupil: Pupil; index: number; length: number } | undefined;
  for (const { pupil, patterns } of matchers) {
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (!match) continue;
      if (!best || match.index < best.index || (match.index === best.index && match[0].length > best.length)) {
        best = { pupil, index: match.index, length: match[0].length };
      }
    }
  }
  return best?.pupil ?? fallback;
}
