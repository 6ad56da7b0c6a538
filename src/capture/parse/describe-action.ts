import { MENTION_TOKEN } from './plain-text';
import type { Mention } from './proposed-action';

/** The longest description the store accepts (see `newActionSchema`). */
export const MAX_DESCRIPTION_LENGTH = 500;

const LEADING_JUNK = /^(?:(?:to|will|should|must|needs?\s+to)\s+|[-–—:;,.•*]\s*|\(\s*\)\s*|\[\s*\]\s*)/i;
const TRAILING_JUNK = /\s*(?:[-–—:;,([]|(?<![\p{L}\p{N}])(?:by|before|on|until|due|and|for|at|re)|\(\s*\)|\[\s*\])\s*$/iu;
const WINDOW = 24;

/**
 * Drops dangling "to", "by", dashes and empty brackets from both ends. Works on short windows at
 * the ends, so a line of 5,000 dashes costs linear time, not quadratic.
 */
function trimJunk(text: string): string {
  let start = 0;
  let end = text.length;
  for (let changed = true; changed && start < end;) {
    changed = false;
    const head = LEADING_JUNK.exec(text.slice(start, Math.min(end, start + WINDOW)));
    if (head && head[0].length > 0) {
      start += head[0].length;
      changed = true;
    }
    const from = Math.max(start, end - WINDOW);
    const tail = TRAILING_JUNK.exec(text.slice(from, end));
    // The window must include the character before the match, or a word boundary could be false.
    if (tail && tail[0].length > 0 && (tail.index > 0 || from === start)) {
      end = from + tail.index;
      changed = true;
    }
  }
  return text.slice(start, end).trim();
}

/**
 * What is left of a line once the owner and date phrases are gone, made readable: mentions shown
 * as names, dangling "to"/"by"/dashes trimmed, first letter capitalised.
 * "Tom to phone mum by Friday" -> "Phone mum".
 */
export function describeAction(rest: string, mentions: readonly Mention[]): string {
  let text = rest.replace(MENTION_TOKEN, (_t, index: string) => mentions[Number(index)]?.person.name ?? '');
  text = text.replace(/\s+/g, ' ').trim();
  text = trimJunk(text);
  // A full stop ends the sentence, except after initials ("referral for J.B.").
  if (!/(?:^|[^\p{L}])\p{Lu}\.$/u.test(text)) {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end--;
    text = text.slice(0, end).trim();
  }
  if (text.length > MAX_DESCRIPTION_LENGTH) text = `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1).trimEnd()}…`;
  return text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);
}
