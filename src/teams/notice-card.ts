import type { AdaptiveCardJson } from './card-attachment';
import { expandCard } from './card-template';
import template from './templates/notice.json';

export interface NoticeLine {
  text: string;
  subtle?: boolean;
}

/**
 * A short card with a title and a few lines (templates/notice.json): what a click became (discarded,
 * waiting to be saved) or why it did not work. Lines are TextRuns, so a name or message reads as typed.
 */
export function noticeCard(title: string, color: 'Default' | 'Attention' | 'Warning' | 'Good', lines: NoticeLine[]): AdaptiveCardJson {
  return expandCard(template, { title, color, lines: lines.map((l) => ({ text: l.text, subtle: l.subtle ?? false })) });
}
