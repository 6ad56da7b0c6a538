import type { CaptureContext } from '@/capture/parse/proposed-action';
import { demoContext } from '@/app/demo/demo-context';

/** Thursday 23 April 2026, 10:00 in London (BST). */
export const THURSDAY = new Date('2026-04-23T10:00:00+01:00');

/** The demo school's context for `text`, sent at `now` (Thursday 23 April 2026 by default). */
export function contextFor(text: string, overrides: Partial<CaptureContext> = {}): CaptureContext {
  return { ...demoContext(text, { now: THURSDAY }), ...overrides };
}
