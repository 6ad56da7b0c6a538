import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from './card-attachment';

/**
 * Expands an Adaptive Card template (JSON with `${...}`, `$data` and `$when`, as the Adaptive Cards
 * Designer edits it) against `data` with Microsoft's `adaptivecards-templating`. Text that came from
 * people is data, never template: a "${x}" typed in a meeting chat is shown as typed, not evaluated.
 * A template must give every binding a value: a missing one stays in the card as "${name}".
 */
export function expandCard(template: object, data: object): AdaptiveCardJson {
  let parsed = templates.get(template);
  if (!parsed) templates.set(template, (parsed = new ACData.Template(template)));
  return parsed.expand({ $root: data }) as AdaptiveCardJson;
}

/** Each template is read once: the same JSON module object is used for every card of its kind. */
const templates = new WeakMap<object, ACData.Template>();
