/** "120 / 500 characters": how much room a text field has left, shown under it before anyone types too much. */
export function counter(text: string, max: number): string {
  return `${text.length.toLocaleString('en-GB')} / ${max.toLocaleString('en-GB')} characters`;
}
