/**
 * Makes text safe for an Adaptive Card TextBlock: TextBlocks render a subset of Markdown, so a
 * pasted "*urgent*" or "[link](...)" must show as typed. Every ASCII punctuation mark that Markdown
 * gives meaning to is backslash-escaped (CommonMark allows escaping any ASCII punctuation).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&').replace(/\r?\n/g, ' ');
}
