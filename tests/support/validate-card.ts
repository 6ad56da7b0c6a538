import * as AC from 'adaptivecards';

/**
 * Teams features the 1.5 renderer does not know, allowed by name. Teams documents `choices.data`
 * (Data.Query: the people picker and typeahead search) for the cards it renders at any version
 * (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/people-picker and
 * .../dynamic-search); the JS renderer only knows it from 1.6. Nothing else is excused.
 */
const TEAMS_EXTENSIONS = [
  /^parse UnsupportedProperty: Property "choices\.data" is supported in version 1\.6, but you are using version 1\.5\.$/,
];

/**
 * What Microsoft's official Adaptive Cards renderer (the `adaptivecards` package) says about a card
 * when it reads it as a 1.5 card: every parse event (an unknown element or property, a value of the
 * wrong kind, a feature newer than 1.5) and every `validateProperties` failure (a required input
 * without `errorMessage`, an empty choice list, a duplicate id, a toggle target that does not exist).
 * An empty list is a card the renderer accepts as written.
 */
export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems.filter((p) => !TEAMS_EXTENSIONS.some((allowed) => allowed.test(p)));
}

/** Every Action.ToggleVisibility target, and every element id: a toggle must point at an element that exists. */
export function toggleTargetsMissing(card: unknown): string[] {
  const ids = new Set<string>();
  const targets: string[] = [];
  JSON.stringify(card, (_key, value: { id?: unknown; type?: unknown; targetElements?: unknown[] }) => {
    if (value && typeof value === 'object' && typeof value.id === 'string') ids.add(value.id);
    if (value?.type === 'Action.ToggleVisibility')
      for (const t of value.targetElements ?? []) targets.push(typeof t === 'string' ? t : String((t as { elementId?: string }).elementId));
    return value;
  });
  return targets.filter((t) => !ids.has(t));
}
