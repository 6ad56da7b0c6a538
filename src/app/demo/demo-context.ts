import type { Person } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import { DEMO_CLASS_TEACHERS, DEMO_PUPILS, DEMO_ROLES, DEMO_STAFF } from './school';
import { mentionKey } from '@/capture/parse/plain-text';
import type { CaptureContext, Mention } from '@/capture/parse/proposed-action';

/** The demo school's role table plus "year N class teacher" for each year group. */
export function demoRoles(): Record<string, Person> {
  const roles: Record<string, Person> = { ...DEMO_ROLES };
  for (const [year, teacher] of Object.entries(DEMO_CLASS_TEACHERS)) roles[`year ${year} class teacher`] = teacher;
  return roles;
}

/**
 * Stands in for Teams' mention entities when there is no Teams: every `<at>Name</at>` naming a
 * member of the demo staff counts as an @mention of them.
 */
export function demoMentions(text: string): Mention[] {
  const staff: Person[] = Object.values(DEMO_STAFF);
  const mentions: Mention[] = [];
  for (const match of text.matchAll(/<at\b[^<>]*>([^<]{1,200})<\/at>/gi)) {
    const person = staff.find((p) => mentionKey(p.name) === mentionKey(match[1]!));
    if (person && !mentions.some((m) => m.person.id === person.id)) mentions.push({ text: `<at>${person.name}</at>`, person });
  }
  return mentions;
}

export interface DemoOptions {
  now: Date;
  termEnd?: IsoDate | null;
  nextReview?: IsoDate | null;
}

/** A capture context for the demo school (Oakfield Primary), for the CLI and examples. */
export function demoContext(text: string, options: DemoOptions): CaptureContext {
  return {
    now: options.now,
    mentions: demoMentions(text),
    pupils: DEMO_PUPILS,
    roles: demoRoles(),
    termEnd: options.termEnd ?? null,
    nextReview: options.nextReview ?? null,
  };
}
