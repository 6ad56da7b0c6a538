import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { expandCard } from '@/teams/card-template';
import { mentionKey } from '../parse/plain-text';
import template from './templates/help.json';

/** "help", "what can you do?", "hi": a message asking about the bot rather than holding actions. */
export function asksForHelp(text: string): boolean {
  const plain = mentionKey(text);
  return /^(?:help|\?|what\s+can\s+you\s+do\??|how\s+does\s+this\s+work\??|how\s+do\s+i\s+use\s+(?:this|you)\??|hi|hello|hey|start|get\s+started)[.!]?$/.test(
    plain,
  );
}

export interface HelpCardOptions {
  trackerUrl: string;
  /** Why the card is shown: the first time in a personal chat, on "help", or when nothing was found. */
  reason: 'welcome' | 'help' | 'nothing-found';
}

const LEADS: Record<HelpCardOptions['reason'], string> = {
  welcome:
    'I turn the actions agreed in a SEND meeting into tracked items: one owner, a due date and the pupil each, saved with one click.',
  help: 'Post the agreed actions in the meeting chat or here, one per line. I propose them on a card; nothing is tracked until someone checks and saves it.',
  'nothing-found': 'I did not find an agreed action in that. Write one per line, each with who will do it and by when.',
};

/** What the bot does, two examples to copy, and the tracker: the reply to "help" and the first-run welcome. */
export function helpCard({ trackerUrl, reason }: HelpCardOptions): AdaptiveCardJson {
  return expandCard(template, {
    title: reason === 'nothing-found' ? 'No actions found' : 'SEND Tracker',
    lead: LEADS[reason],
    examples: [
      ['Actions for J.B.:', '- SENCO to phone mum by Friday', '- class teacher to trial visual instructions for two weeks'],
      ['@Tom Reed to send the EP referral for A.K. by 7/5; TA to start 1:1 reading next week'],
    ].map((lines) => ({ lines: lines.map((text) => ({ text })) })),
    rules:
      'In a group chat or channel, @mention me or start the list with "Actions:". Owners can be an @mention, a role (SENCO, TA, class teacher) or a first name; vague actions and owners such as "school" are challenged.',
    trackerUrl,
  });
}
