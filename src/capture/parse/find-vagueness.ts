import type { IsoDate } from '@/kernel/dates';
import type { ProposedOwner } from './proposed-action';

/** Starts that say nothing anyone will do: "Monitor progress", "Support discussed", "Keep an eye on J.B.". */
const NOT_AN_ACTION = [
  /^(?:to\s+)?(?:continue\s+to\s+|keep\s+)?(?:monitor(?:ing)?|keep\s+an\s+eye\s+on|keep\s+watching|watch)\b/i,
  /^(?:[\p{L}\p{N}'’.-]+\s){0,3}(?:was\s+|were\s+|has\s+been\s+)?discussed\b/iu,
  /^(?:as\s+discussed|discuss(?:ed)?\s*$|noted|ongoing|tbc|to\s+be\s+(?:confirmed|discussed|decided|agreed)|n\/a|none|see\s+above)\b/i,
  /^(?:continue\s+(?:with\s+)?(?:current\s+|existing\s+)?(?:support|provision|as\s+(?:before|is|now))|support\s+to\s+continue|carry\s+on)\b/i,
];

const MAX_QUOTED = 60;

/** The action as staff will see it in the warning, shortened. */
function quote(description: string): string {
  const text = description.trim();
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1).trimEnd()}…` : text;
}

export interface VaguenessInput {
  description: string;
  owner: ProposedOwner;
  due: IsoDate | null;
  /** What finding the owner already said (e.g. "Owner 'school' is not one person"). */
  ownerWarnings: readonly string[];
  /** What reading the date already said (e.g. "'31/02' is not a real date"). */
  dueWarnings: readonly string[];
}

/**
 * The challenges a SENCO would make of a proposed action, in order: not an action at all, then the
 * owner, then the date ("No owner" / "No due date" only when nothing else explains it).
 * Wording is fixed because staff (and tests) read it.
 */
export function findVagueness(input: VaguenessInput): string[] {
  const warnings: string[] = [];
  const description = input.description.trim();
  if (description === '' || NOT_AN_ACTION.some((re) => re.test(description))) {
    warnings.push(`'${quote(description) || 'Nothing'}' is not an action: what, by when?`);
  }
  warnings.push(...input.ownerWarnings);
  if (input.owner === null && input.ownerWarnings.length === 0) warnings.push('No owner');
  warnings.push(...input.dueWarnings);
  if (input.due === null && input.dueWarnings.length === 0) warnings.push('No due date');
  return warnings;
}
