import { ACTION_VERBS } from './owner-words';

/**
 * How a line was marked as an action: an `Action:` prefix, a list item, a line under an
 * "Actions:" heading, an owner label ("Year lead: ..."), or a plain line that reads like an action.
 */
export type LineMarker = 'prefix' | 'list-item' | 'under-heading' | 'owner-label' | 'plain';

export interface CandidateLine {
  /** The line without its bullet, number or `Action:` prefix. */
  text: string;
  marker: LineMarker;
}

export interface SplitMessage {
  lines: CandidateLine[];
  /** Headings that may name the pupil or the meeting ("Actions agreed at J.B.'s annual review"). */
  headings: string[];
  /** The other lines ("Discussed: A.K. settling well"): no actions, but they say who the meeting was about. */
  notes: string[];
}

/** What only the parser can tell: whether a piece of text is an action, and whether a label is an owner. */
export interface LineJudge {
  /** "SENCO to phone mum", "Refer to SALT", "Monitor progress": yes; "thanks everyone", "J.B. had a good week": no. */
  isAction(text: string): boolean;
  /** "Year lead", "SENCO", "<at>Tom</at>": yes; "Next meeting", "Discussed", "Attendees": no. */
  ownsLabel(label: string): boolean;
}

const ACTION_WORDS = String.raw`(?:actions?(?:\s+points?)?|next\s+steps?|to[\s-]?dos?|follow[\s-]?ups?)`;
/** "Action: ...", "Action point 2 - ...", "TODO: ...", "AP: ...". */
const ACTION_PREFIX = new RegExp(String.raw`^[*_\s]*(?:(?:agreed\s+)?${ACTION_WORDS}|ap)\s*(?:\d{1,2}\s*)?[*_]*\s*[-–—]\s*(.+)$`, 'i');
/** "- ", "* ", "• ", "1. ", "2) ", "(3) ", "[ ] ". A star needs its space: "**Actions**" is bold. */
const LIST_ITEM = /^(?:[-•·‣◦▪–—+>]\s*|\*\s+|\d{1,2}[.)]\s*|\(\d{1,2}\)\s*|\[[ xX]?\]\s*)(.*)$/;
/** Words a heading is made of besides the action words: the meeting, the pupil's initials, joining words. */
const HEADING_FILLER = new RegExp(
  [
    String.raw`\b(?:agreed|actions?|points?|next|steps?|to[\s-]?dos?|follow[\s-]?ups?|for|at|from|of|about|the|in|on|with|and|our|today|todays|today['’]s|this\s+morning|this\s+afternoon|meeting|review|reviews|annual|ehcp?|plan|sen|send|support|parent|parents['’]?|evening|conversation|transition|pastoral|to|year\s*\d{1,2}|reception|nursery|concerns?|check-?in|call|catch[\s-]?up|team|tac|tam|minutes|summary|(?:mum|dad|parents?)['’]?s?)\b`,
    String.raw`(?<![\p{L}])(?:\p{Lu}\.\s?){2,4}(?:['’]s)?`,
    String.raw`\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?`,
    String.raw`[-–—,:*_#()]`,
  ].join('|'),
  'giu',
);
const HAS_ACTION_WORD = new RegExp(String.raw`\b(?:${ACTION_WORDS}|agreed|ap)\b`, 'i');
const HAS_MEETING_WORD = /\b(?:meeting|review|check-?in|conversation|catch[\s-]?up|evening)\b/i;

/** What is left of a would-be heading once its heading words are gone: names at most (up to three capitalised words). */
function onlyHeadingWords(text: string): boolean {
  const left = text
    .replace(HEADING_FILLER, ' ')
    .replace(/['’]s\b/g, ' ')
    .trim();
  if (left === '') return true;
  const words = left.split(/\s+/);
  return words.length <= 3 && words.every((w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w));
}

type HeadingKind = 'actions' | 'context';

/** "Actions agreed at J.B.'s annual review" -> actions; "Pastoral check-in" -> context; anything else -> undefined. */
function headingKind(text: string): HeadingKind | undefined {
  if (text.length > 90 || !onlyHeadingWords(text)) return undefined;
  if (HAS_ACTION_WORD.test(text)) return 'actions';
  return HAS_MEETING_WORD.test(text) ? 'context' : undefined;
}

/** "1. a 2. b", "(1) a (2) b": an inline numbered list, only when the numbers run 1, 2, 3... */
function splitInlineNumbers(text: string): string[] {
  const marks = [...text.matchAll(/(?:^|\s)(?:\((\d{1,2})\)|(\d{1,2})[.)])\s+/g)];
  const run: RegExpExecArray[] = [];
  for (const mark of marks) if (Number(mark[1] ?? mark[2]) === run.length + 1) run.push(mark);
  if (run.length < 2) return [text];
  const parts = [text.slice(0, run[0]!.index)];
  run.forEach((mark, i) => parts.push(text.slice(mark.index + mark[0].length, run[i + 1]?.index ?? text.length)));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * "A to x; B to y" -> two lines, but only where each piece reads as an action on its own:
 * "phonics three times a week; Mondays and Thursdays" stays one action.
 */
function splitSemicolons(text: string, judge: LineJudge): string[] {
  const parts: string[] = [];
  for (const piece of text.split(/\s*;\s*/)) {
    if (piece === '') continue;
    if (parts.length > 0 && !judge.isAction(piece)) parts[parts.length - 1] += `; ${piece}`;
    else parts.push(piece);
  }
  return parts;
}

const pieces = (text: string, judge: LineJudge) => splitInlineNumbers(text).flatMap((p) => splitSemicolons(p, judge));

/** "Sarah", "Mrs Jones": a label that may be a person nobody has set up yet. */
const NAME_LABEL = /^(?:mrs?|ms|miss)?\s?\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?$/u;
/** Labels of meeting notes, never owners. */
const NOTE_LABEL =
  /^(?:attendees|present|apologies|discussed|notes?|agenda|date|time|venue|update|summary|outcomes?|background|concerns?|strengths|next\s+meeting)$/i;
/** A start that gives the action away: "Refer to SALT", "Phone mum", "Monitor progress". */
const VERB_START = /^(?:please\s+)?([\p{L}-]+)/iu;
const CHATTER =
  /^(?:hi|hello|hey|morning|good\s+(?:morning|afternoon|evening)|thanks?|thank\s+you|cheers|ok(?:ay)?|yes|no|great|lovely|brilliant|perfect|sorry|apologies|well\s+done|see\s+(?:you|attached|above|below)|file|help|noted)\b/i;

/** Without the parser: a line reads like an action when it starts with a verb that does something. */
export const DEFAULT_JUDGE: LineJudge = {
  isAction: (text) =>
    !isChatter(text) && (startsWithActionVerb(text) || /^.{1,40}?\s(?:to|will|must|should|needs?\s+to)\s+\p{L}/u.test(text)),
  ownsLabel: () => false,
};

/** "thanks everyone", "hello", "Can you hear me?": talk around the actions, never one. */
export function isChatter(text: string): boolean {
  return CHATTER.test(text) || /\?\s*$/.test(text);
}

/** "Refer to SALT", "phone mum", "monitor progress": the line starts by saying what to do. */
export function startsWithActionVerb(text: string): boolean {
  return ACTION_VERBS.has(VERB_START.exec(text)?.[1]?.toLowerCase() ?? '');
}

/**
 * One message (plain text, see `toPlainText`) -> the lines that may hold an action, one action
 * each: bullets, numbers (also inline: "1. ... 2. ..."), semicolons and "Actions:" headings split
 * it; "Role: action" lines count; "Next meeting: 10 June" and other labels do not. Lines under an
 * action heading and list items always count (an agreed action is never lost); any other line
 * counts only when `judge` says it reads like an action (so "thanks everyone" is never one).
 */
export function splitLines(plain: string, judge: LineJudge = DEFAULT_JUDGE): SplitMessage {
  const lines: CandidateLine[] = [];
  const headings: string[] = [];
  const notes: string[] = [];
  let section: 'none' | 'actions' | 'other' = 'none';
  const push = (text: string, marker: LineMarker) => {
    for (const piece of pieces(text, judge)) {
      if (piece === '') continue;
      if (marker === 'plain' && !judge.isAction(piece)) {
        notes.push(piece);
        continue;
      }
      lines.push({ text: piece, marker });
    }
  };
  for (const raw of plain.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const item = LIST_ITEM.exec(line);
    const body = (item ? item[1]! : line).replace(/^[*_]+|[*_]+$/g, '').trim();
    if (body === '') continue;
    // A label ends in a colon and a space (or the line): "3:30" and links are not labels.
    const labelled = /^([^:()[\]]{1,40}):(?:\s+(.*))?$/.exec(body);
    const label = labelled ? labelled[1]!.trim() : body;
    const after = labelled ? (labelled[2] ?? '').trim() : '';
    const kind = item ? undefined : headingKind(label);
    if (kind) {
      headings.push(body);
      if (kind === 'actions') section = 'actions';
      // "Actions: A to x; B to y", "Actions for J.B.: 1. ... 2. ...": the heading's own line holds actions.
      if (after !== '' && !onlyHeadingWords(after)) push(after, kind === 'actions' ? 'prefix' : 'plain');
      continue;
    }
    const prefixed = ACTION_PREFIX.exec(body);
    if (prefixed && !item) {
      push(prefixed[1]!.trim(), 'prefix');
      continue;
    }
    if (labelled) {
      if (judge.ownsLabel(label) || (NAME_LABEL.test(label) && !NOTE_LABEL.test(label) && startsWithActionVerb(after))) {
        push(body, 'owner-label');
        continue;
      }
      // "Discussed:", "Notes:" end an action list; "Next meeting: 10 June", "Attendees: ..." are notes,
      // unless what follows the label is itself an action ("Update: SENCO to phone mum").
      if (after === '') section = 'other';
      else if (judge.isAction(after)) push(after, section === 'actions' ? 'under-heading' : 'plain');
      else notes.push(body);
      continue;
    }
    // "1. A to x 2. B to y" on one line: the list marker belongs to the inline run.
    const listed = item && splitInlineNumbers(line).length > 1 ? line : body;
    if (section === 'actions') push(listed, 'under-heading');
    else if (item && section === 'none') push(listed, 'list-item');
    else if (section === 'none') push(body, 'plain');
    else notes.push(body);
  }
  return { lines, headings, notes };
}

/** True when the message clearly lists actions (an `Action:` line, a list under an action heading, or owner labels under one). */
export function hasClearActionLines(plain: string, judge: LineJudge = DEFAULT_JUDGE): boolean {
  return splitLines(plain, judge).lines.some((l) => l.marker === 'prefix' || l.marker === 'under-heading');
}
