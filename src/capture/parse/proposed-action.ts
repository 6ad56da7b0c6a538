import type { Person, Pupil } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import type { ItemType } from '@/kernel/item-type';

/**
 * The owner the parser found: a resolved person (from an @mention or the role table), an
 * unresolved role word that a person must confirm before saving, or nobody.
 */
export type ProposedOwner = { kind: 'person'; person: Person } | { kind: 'role'; role: string } | null;

/** One action the parser read from a chat message, before anyone has confirmed it. */
export interface ProposedAction {
  description: string;
  owner: ProposedOwner;
  due: IsoDate | null;
  pupil: Pupil | null;
  itemType: ItemType;
  /** Why this action is not ready to save as it stands, in words staff understand. Empty when ready. */
  warnings: string[];
}

/** A Teams @mention in the message: `text` is how it appears (e.g. "<at>Tom Reed</at>"). */
export interface Mention {
  text: string;
  person: Person;
}

/** Everything the parser needs besides the text. All of it is data: the parser does no I/O. */
export interface CaptureContext {
  /** When the message was sent: relative dates ("by Friday") count from here, in Europe/London. */
  now: Date;
  mentions: Mention[];
  pupils: Pupil[];
  /** Role word (lower case) -> the one person who holds it at this school. */
  roles: Record<string, Person>;
  /** The pupil the meeting is about, when the meeting has one. */
  meetingPupil?: Pupil | null;
  /** Dates the school uses: end of the current term, the pupil's next review. */
  termEnd?: IsoDate | null;
  nextReview?: IsoDate | null;
}
