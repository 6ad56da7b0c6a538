/**
 * How a line was marked as an action: an `Action:` prefix, a list item, a line under an
 * "Actions:" heading, or a plain line in a message that has no structure at all.
 */
export type LineMarker = 'prefix' | 'list-item' | 'under-heading' | 'plain';

export interface CandidateLine {
  /** The line without its bullet, number or `Action:` prefix. */
  text: string;
  marker: LineMarker;
}

const ACTION_WORDS = String.raw`(?:agreed\s+)?(?:actions?(?:\s+points?)?|next\s+steps?|to[\s-]?dos?|follow[\s-]?ups?)(?:\s+agreed)?`;
/** "Actions:", "Agreed actions", "Next steps", "Actions agreed today:", "**Action points**". */
const ACTION_HEADING = new RegExp(
  String.raw`^[#*_\s]*(?:(?:${ACTION_WORDS}|agreed)[*_\s]*:?|${ACTION_WORDS}\b[^:\u0000]{0,40}:)[*_\s]*$`,
  'i',
);
/** "Action: ...", "Action point 2 - ...", "TODO: ...", "AP: ...". */
const ACTION_PREFIX = new RegExp(String.raw`^[*_\s]*(?:${ACTION_WORDS}|ap)\s*(?:\d{1,2}\s*)?[*_]*\s*[:\-–—]\s*(.+)$`, 'i');
/** "- ", "* ", "• ", "1. ", "2) ", "[ ] ". */
const LIST_ITEM = /^(?:[-*•·‣◦▪–—+>]|\d{1,2}[.)]|\(\d{1,2}\)|\[[ xX]?\])\s*(.*)$/;
/** Any other short heading ("Discussed:", "Notes:") ends an action list. */
// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
const OTHER_HEADING = /^[^\u0000]{1,40}:\s*$/;
/** In a message without structure, a line looks like an action when someone is "to" do something. */
// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
const LOOKS_LIKE_ACTION = /\u0000\d+\u0000|\b(?:to|will|must|should|needs?)\b|^\s*(?:monitor|keep an eye|support discussed)/i;

function stripPrefix(text: string): { text: string; prefixed: boolean } {
  const match = ACTION_PREFIX.exec(text);
  return match ? { text: match[1]!.trim(), prefixed: true } : { text, prefixed: false };
}

/**
 * One message (plain text, see `toPlainText`) -> the lines that may hold an action.
 * Lines under an action heading, list items outside other headings, and `Action:` lines count;
 * when the message has none of those, every line that reads like an action counts (a one-line
 * message always does: the sender addressed the bot).
 */
export function splitLines(plain: string): CandidateLine[] {
  const lines = plain
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  const out: CandidateLine[] = [];
  let section: 'none' | 'actions' | 'other' = 'none';
  let structured = false;
  const loose: string[] = [];
  for (const line of lines) {
    if (ACTION_HEADING.test(line)) {
      section = 'actions';
      structured = true;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    const body = item ? item[1]!.trim() : line;
    const { text, prefixed } = stripPrefix(body);
    if (prefixed) {
      structured = true;
      out.push({ text, marker: 'prefix' });
      continue;
    }
    if (!item && OTHER_HEADING.test(line)) {
      section = 'other';
      continue;
    }
    if (text === '') continue;
    if (section === 'actions') out.push({ text, marker: 'under-heading' });
    else if (item && section === 'none') {
      structured = true;
      out.push({ text, marker: 'list-item' });
    } else if (section === 'none') loose.push(text);
  }
  if (structured) return out;
  if (loose.length === 1) return [{ text: loose[0]!, marker: 'plain' }];
  return loose.filter((l) => LOOKS_LIKE_ACTION.test(l)).map((text) => ({ text, marker: 'plain' }));
}

/** True when the message clearly lists actions (an `Action:` line or a list under an action heading). */
export function hasClearActionLines(plain: string): boolean {
  return splitLines(plain).some((l) => l.marker === 'prefix' || l.marker === 'under-heading');
}
