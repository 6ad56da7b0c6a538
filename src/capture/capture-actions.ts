import type { Person, Pupil } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import { parseActions } from './parse/parse-actions';
import type { Mention, ProposedAction } from './parse/proposed-action';

/** What the school knows that the parser needs: its pupils and who holds each role. */
export interface SchoolDirectory {
  pupils: Pupil[];
  /** Role word (lower case) -> the one person who holds it. */
  roles: Record<string, Person>;
  termEnd?: IsoDate | null;
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
  meetingPupil?: Pupil | null;
}

/**
 * Chat text -> proposed actions for a person to confirm. Adds a warning to ownerless actions that
 * name an @mention we could not look up, so nobody is guessed as owner. Pure: no I/O.
 */
export function captureActions(school: SchoolDirectory, input: CaptureActionsInput): ProposedAction[] {
  const proposed = parseActions(input.text, {
    now: input.now,
    mentions: input.mentions,
    pupils: school.pupils,
    roles: school.roles,
    meetingPupil: input.meetingPupil ?? null,
    termEnd: school.termEnd ?? null,
  });
  if (input.unresolvedMentions.length === 0) return proposed;
  return proposed.map((action) => {
    if (action.owner !== null) return action;
    const named = input.unresolvedMentions.filter((name) => action.description.toLowerCase().includes(name.toLowerCase()));
    const names = named.length > 0 ? named : input.unresolvedMentions;
    return {
      ...action,
      warnings: [...action.warnings, ...names.map((name) => `Could not look up ${name} in Teams: choose the owner`)],
    };
  });
}
