import type { Pupil } from '@/kernel/action';
import { describeAction } from './describe-action';
import { findOwner, type OwnerFinding } from './find-owner';
import { findPupil, pupilMatchers, type PupilMatcher } from './find-pupil';
import { findVagueness } from './find-vagueness';
import { guessItemType } from './guess-item-type';
import { parseDueDate } from './parse-due-date';
import { toPlainText } from './plain-text';
import type { CaptureContext, ProposedAction } from './proposed-action';
import { hasClearActionLines as clearLines, splitLines } from './split-lines';

/**
 * Only the first this-many characters of a message are read (a Teams message is at most ~28 KB of
 * HTML; a list of agreed actions is far shorter). The caller may tell the sender when a message is longer.
 */
export const MAX_MESSAGE_LENGTH = 10_000;

function parseLine(line: string, ctx: CaptureContext, matchers: PupilMatcher[]): ProposedAction[] {
  const pupil: Pupil | null = findPupil(line, matchers, ctx.meetingPupil ?? null);
  const { owners, rest } = findOwner(line, ctx, pupil);
  const date = parseDueDate(rest, ctx);
  // When nothing but an owner or a date was written ("Tomorrow"), show the line itself.
  const description = describeAction(date.rest, ctx.mentions) || describeAction(line, ctx.mentions);
  const itemType = guessItemType(description);
  const findings: OwnerFinding[] = owners.length > 0 ? owners : [{ owner: null, warnings: [] }];
  // "X and Y to ..." gives one action each: one owner per tracked item.
  return findings.map(({ owner, warnings }) => ({
    description,
    owner,
    due: date.due,
    pupil,
    itemType,
    warnings: [
      ...findVagueness({ description, owner, due: date.due, ownerWarnings: warnings, dueWarnings: date.warnings }),
      ...(pupil ? [] : ['No pupil']),
    ],
  }));
}

/**
 * Reads the agreed actions in one Teams message (its HTML `text`) as proposed actions for a person
 * to confirm. Pure and total: no I/O, never throws, and never invents an owner — an owner is only
 * an @mention listed in `context.mentions` or a role word written in the message (a person when
 * `context.roles` has it, else `{ kind: 'role' }` with a warning). Reads at most `MAX_MESSAGE_LENGTH`
 * characters. Returns [] when the message holds no action lines.
 */
export function parseActions(text: string, context: CaptureContext): ProposedAction[] {
  const source = typeof text === 'string' ? text.slice(0, MAX_MESSAGE_LENGTH) : '';
  const ctx: CaptureContext = {
    ...context,
    mentions: Array.isArray(context.mentions) ? context.mentions : [],
    pupils: Array.isArray(context.pupils) ? context.pupils : [],
    roles: context.roles ?? {},
  };
  const plain = toPlainText(source, ctx.mentions);
  const matchers = pupilMatchers(ctx.pupils);
  return splitLines(plain).flatMap((line) => parseLine(line.text, ctx, matchers));
}

/**
 * True when the message clearly lists actions: an `Action:` line, or lines under an "Actions" /
 * "Agreed actions" / "Next steps" heading. For messages the bot sees without an @mention.
 */
export function hasClearActionLines(text: string): boolean {
  return typeof text === 'string' && clearLines(toPlainText(text.slice(0, MAX_MESSAGE_LENGTH), []));
}
