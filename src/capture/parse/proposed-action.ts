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
  /** When the line names a pupil that two or more pupils fit ("L.W."): all of them, and `pupil` is null. Never a silent pick. */
  pupilChoices?: Pupil[];
  itemType: ItemType;
  /** True when nothing in the words gave the type away: the card marks it as a guess to check. */
  itemTypeGuessed: boolean;
  /** Why this action is not ready to save as it stands, in words staff understand. Empty when ready. */
  warnings: string[];
}

/** A Teams @mention in the message: `text` is how it appears (e.g. "<at>Tom Reed</at>"). */
export interface Mention {
  text: string;
  person: Person;
}

/**
 * A pupil as the parser knows them: what staff see (initials, year group) plus, after a register
 * import, the forename and surname, used only to recognise "Leo Wilson" or "O'Neill" in a line.
 * Names never leave the parser: proposals carry the plain `Pupil`.
 */
export type KnownPupil = Pupil & { forename?: string; surname?: string };

/** Everything the parser needs besides the text. All of it is data: the parser does no I/O. */
export interface CaptureContext {
  /** When the message was sent: relative dates ("by Friday") count from here, in Europe/London. */
  now: Date;
  mentions: Mention[];
  pupils: KnownPupil[];
  /**
   * Staff who may be named as owners without an @mention ("Tom to ...", "Priya Shah to ..."): the
   * conversation's members and the role table's people. A name counts only when it fits one of them.
   */
  staff?: Person[];
  /** Role word (lower case) -> the one person who holds it at this school. */
  roles: Record<string, Person>;
  /** The pupil the meeting is about, when the meeting has one. */
  meetingPupil?: Pupil | null;
  /** The Teams meeting's title, when the message was sent in a meeting chat ("Annual review - J.B."). */
  meetingTitle?: string | null;
  /** Dates the school uses: end of the current term, the last day before half term, the pupil's next review. */
  termEnd?: IsoDate | null;
  halfTerm?: IsoDate | null;
  nextReview?: IsoDate | null;
}
