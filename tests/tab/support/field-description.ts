/** The text a control's `aria-describedby` points at (Fluent Field's hint and validation message). */
export function describedBy(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => control.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}
