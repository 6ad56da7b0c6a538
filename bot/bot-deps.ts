import type { Person } from '@/kernel/action';
import type { SchoolDirectory } from '@/capture/capture-actions';
import type { UpdateFromReminderDeps } from '@/reminders/update-from-reminder';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { ConversationReferenceStore } from '@/kernel/ports/conversation-reference-store';
import type { MemberCache } from '@/teams/member-cache';
import type { MeetingTitles } from '@/teams/meeting-titles';
import type { SchoolDatesInput } from '@/kernel/school-calendar';

/** Everything the bot's handlers need, passed in by the composition root. */
export interface BotDeps {
  repo: ActionRepository;
  conversations: ConversationReferenceStore;
  /**
   * Pupils and the role table: fixed, or read per turn from the register and role stores (through an
   * in-memory cache, see src/capture/school-directory-cache.ts).
   */
  school: SchoolDirectory | (() => Promise<SchoolDirectory>);
  /** Staff the app already knows (the role holders): owners found here need no Teams lookup. */
  knownPeople: Person[];
  /** The tracker tab: a Teams deep link when the app id is configured, else the local URL. */
  trackerUrl: string;
  logger: Logger;
  now: () => Date;
  /** Conversation members already looked up (optional: without it every mention is looked up). */
  members?: MemberCache;
  /** Meeting titles already looked up (optional: without it a meeting chat's title is not read). */
  meetings?: MeetingTitles;
  /** The school's term and holiday dates: "end of term" and "half term" in a message mean these. */
  schoolDates?: SchoolDatesInput;
  /** When set, reminder card clicks are handled too (see src/reminders/reminder-action.ts). */
  reminders?: UpdateFromReminderDeps;
}
