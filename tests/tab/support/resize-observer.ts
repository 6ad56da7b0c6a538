/**
 * jsdom has no layout, so no ResizeObserver; Fluent's MessageBar observes its own size to reflow.
 * A do-nothing observer lets it render: jsdom sizes never change anyway.
 */
export function installResizeObserver(): void {
  if (typeof window.ResizeObserver === 'function') return;
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
