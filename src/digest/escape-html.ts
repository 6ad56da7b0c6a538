const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Makes user text (descriptions, names, notes) safe in HTML text and in quoted attribute values:
 * `<script>` or markdown in an action shows as the characters typed, never as markup.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
