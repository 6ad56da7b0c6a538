/** How a run of text looks: the TextRun properties our cards use. */
export interface RunStyle {
  weight?: 'Bolder';
  color?: 'Default' | 'Good' | 'Attention' | 'Warning';
  isSubtle?: boolean;
}

/**
 * Text that came from people (descriptions, names, notes) as an Adaptive Card RichTextBlock: a
 * TextRun is never read as Markdown, so "*urgent*" or "J.B." shows as typed in every host, with no
 * backslash escapes for hosts that do not render Markdown.
 */
export function plainTextBlock(text: string, style: RunStyle = {}, block: Record<string, unknown> = {}) {
  return { type: 'RichTextBlock', ...block, inlines: [{ type: 'TextRun', text, ...style }] };
}
