import type { EventType } from '@/kernel/item-type';

/** First match wins: a "SEN support review" is a support meeting, not an annual review. */
const RULES: [EventType, RegExp][] = [
  ['sen_support_meeting', /\bsen\s+support\s+(?:review|meeting)\b|\bplan[-\s]do[-\s]review\b/i],
  ['annual_review', /\b(?:annual\s+review|ehcp?\s+(?:plan\s+)?review|ehc\s+plan\s+review)\b/i],
  ['transition_meeting', /\btransition\b/i],
  ['complaint_or_concern', /\bcomplaints?\b|\bconcerns?\s+(?:meeting|raised|call)\b/i],
  [
    'parent_conversation',
    /\bparents?['’]?\s+(?:meeting|evening|conversation|call)\b|\bmeeting\s+with\s+(?:mum|dad|parents?|carers?)\b|\b(?:mum|dad)['’]s\s+(?:meeting|call)\b/i,
  ],
  ['pastoral_check_in', /\bpastoral\b|\bcheck[-\s]?in\b/i],
];

/**
 * The kind of meeting the actions were agreed in, from the meeting's title and the message's
 * headings ("Actions agreed at J.B.'s annual review"); a SEN support meeting when nothing says.
 */
export function meetingTypeOf(texts: readonly (string | null | undefined)[]): EventType {
  for (const text of texts) {
    if (!text) continue;
    for (const [type, pattern] of RULES) if (pattern.test(text)) return type;
  }
  return 'sen_support_meeting';
}
