import type { Person, Pupil } from '@/kernel/action';
import { londonDate } from '@/kernel/dates';
import { termDatesOn, type SchoolDatesInput } from '@/kernel/school-calendar';
import { parseMessage, type ParsedMessage } from './parse/parse-actions';
import type { KnownPupil, Mention } from './parse/proposed-action';

/** What the school knows that the parser needs: its pupils and who holds each role. */
export interface SchoolDirectory {
  pupils: KnownPupil[];
  /** Role word (lower case) -> the one person who holds it. */
  roles: Record<string, Person>;
}

export interface CaptureActionsInput {
  /** The message text (Teams HTML), with the bot's own @mention already removed. */
  text: string;
  /** @mentions resolved to Entra users. */
  mentions: Mention[];
  /** Display names of @mentions that could not be looked up: they never become owners. */
  unresolvedMentions: string[];
  /** When the message was sent. */
  now: Date;
  /** Staff who may be named without an @mention (the app's known people and role holders). */
  staff?: Person[];
  /** The school's term and holiday dates, for "end of term" and "half term". */
  schoolDates?: SchoolDatesInput;
  /** The Teams meeting the chat belongs to: its title, and the pupil it is about when known. */
  meetingTitle?: string | null;
  meetingPupil?: Pupil | null;
}

/**
 * Chat text -> proposed actions for a person to confirm, with the meeting type. Adds a warning to
 * ownerless actions that name an @mention we could not look up, so nobody is guessed as owner. Pure: no I/O.
 */
export function captureActions(school: SchoolDirectory, input: CaptureActionsInput): ParsedMessage {
  const { termEnd, halfTerm } = termDatesOn(input.schoolDates ?? {}, londonDate(input.now));
  const parsed = parseMessage(input.text, {
    now: input.now,
    mentions: input.mentions,
    pupils: school.pupils,
    roles: school.roles,
    staff: input.staff ?? [],
    meetingPupil: input.meetingPupil ?? null,
    meetingTitle: input.meetingTitle ?? null,
    termEnd,
    halfTerm,
  });
  if (input.unresolvedMentions.length === 0) return parsed;
  const actions = parsed.actions.map((action) => {
    if (action.owner !== null) return action;
    const named = input.unresolvedMentions.filter((name) => action.description.toLowerCase().includes(name.toLowerCase()));
    const names = named.length > 0 ? named : input.unresolvedMentions;
    return {
      ...action,
      warnings: [...action.warnings, ...names.map((name) => `Could not look up ${name} in Teams: choose the owner`)],
    };
  });
  return { ...parsed, actions };
}
