import type { EventType, ItemType } from '@/kernel/item-type';
import { PROFESSIONAL_ROLE_WORDS } from './owner-words';

/**
 * What the card preselects when no word gives the type away: the commonest SEND action. The card
 * marks it as a guess (`guessed`), so staff check it rather than trust it.
 */
export const DEFAULT_ITEM_TYPE: ItemType = 'parent_follow_up';

export interface ItemTypeGuess {
  itemType: ItemType;
  /** True when no rule matched and `itemType` is the default. */
  guessed: boolean;
}

const PARENT = String.raw`(?:mum|mom|mother|dad|father|parents?|carers?|family|grandparents?|guardians?|foster\s+carers?|home|mr\s+and\s+mrs|mrs?|ms)`;
const CONTACT = String.raw`(?:phone|call|ring|text|email|e-mail|meet|meet\s+with|speak\s+(?:to|with)|talk\s+(?:to|with)|contact|update|invite|write\s+to|catch\s+up\s+with|follow\s+up\s+with|let|tell|send|visit)`;
const DOCUMENT = String.raw`(?:SSPs?|IEPs?|EHCPs?|passports?|(?:photo\s+)?books?|reports?|minutes|notes|letters?|documents?|paperwork|copy|copies|advice|summary|assessments?|evidence|records?|forms?|plans?|profiles?|packs?|booklets?|timetables?|leaflets?|draft)`;
const PROFESSIONAL = String.raw`(?:camhs|educational\s+psychologist|speech\s+and\s+language|occupational\s+therap\w*|paediatrician|school\s+nurse|early\s+help|outreach|ehc\s+needs\s+assessment|needs\s+assessment|social\s+care)`;

/**
 * Rules in order: the first that matches wins. Specific phrases come before single words, so
 * "phone mum re reading plan" is a parent follow-up, "send EP referral" a referral, "send the EP
 * report to parents" a document to share and "seating plan" a classroom adjustment. Acronyms
 * (EP, SALT, OT, SSP) match only in capitals: in lower case they are more likely other words.
 */
const RULES: [ItemType, RegExp][] = [
  ['annual_review', /\b(?:annual\s+review|ehcp?\s+(?:plan\s+)?review|ehc\s+plan\s+review|ehcp\s+draft|draft\s+ehcp)\b/i],
  ['professional_referral', /\b(?:referrals?|refer|re-refer)\b/i],
  [
    'document_to_share',
    new RegExp(
      String.raw`\b(?:send|share|email|e-mail|forward|circulate|upload|pass\s+on|copy|post|bring(?:\s+in)?)\b.{0,50}?\b${DOCUMENT}\b|^(?:copy|forward|circulate)\b`,
      'i',
    ),
  ],
  [
    'parent_follow_up',
    new RegExp(
      String.raw`^(?:\S+\s+){0,2}?${CONTACT}\s+(?:the\s+|with\s+)?${PARENT}\b|\bhome\s+visit\b|\bhome[-\s]school\b|\b(?:with|to)\s+home\b`,
      'i',
    ),
  ],
  ['professional_referral', /\b(?:EPs?|SALT|SaLT|OT|CAMHS)\b/],
  ['professional_referral', new RegExp(String.raw`\b${PROFESSIONAL}\b`, 'i')],
  [
    'intervention',
    /\b(?:interventions?|phonics|precision\s+teaching|elsa|lego\s+therapy|nurture\s+group|social\s+skills\s+group|(?:reading|maths|spelling|handwriting)\s+group|booster|1:1\s+(?:reading|tuition|sessions?)|toe\s+by\s+toe|numicon|fine\s+motor|gross\s+motor|zones\s+of\s+regulation|social\s+stor(?:y|ies)|comic\s+strips?|attention\s+autism|sensory\s+circuits?|lexia|reading\s+recovery|pre-?teach\w*|overlearning|talk\s+boost|sessions?\s+with)\b/i,
  ],
  [
    'classroom_adjustment',
    /\b(?:seating|seat|adjustments?|visual\s+(?:timetable|instructions?|supports?|prompts?|cues?)|now\s+and\s+next|ear\s+defenders|movement\s+breaks?|sensory\s+breaks?|fidget|writing\s+slope|coloured\s+overlays?|overlays?|workstation|timetable|reasonable\s+adjustments?|written\s+work|reduce[ds]?\s+\w+\s+work|chunk\w*|quiet\s+space|calm[-\s]down|(?:start[-\s]of[-\s]day|morning|classroom|lunchtime|transition)\s+routine|task\s+board|word\s+mat|buddy(?:\s+system)?|front\s+(?:table|row|of\s+the\s+class)|near\s+the\s+front|reward\s+chart|scribe|extra\s+time|rest\s+breaks?)\b/i,
  ],
  [
    'support_plan_update',
    /\b(?:plans?|iep|SSP|ssp|ehcp|pupil\s+passport|one[-\s]page\s+profile|provision\s+map|targets?|outcomes?|review\s+(?:his|her|their)\s+\w+|review\s+(?:the\s+)?support)\b|\breview\s+\p{Lu}\.\p{Lu}\./iu,
  ],
  ['parent_follow_up', new RegExp(String.raw`\b(?:mum|dad|parents?|carers?|family)\b|\b(?:phone|call|ring)\s+home\b`, 'i')],
];

/** Owners whose work is a professional's: "EP to observe N.C. in class" is part of a referral. */
const PROFESSIONAL_OWNERS = new Set(PROFESSIONAL_ROLE_WORDS);

export interface ItemTypeHints {
  /** The owner's role word, when the owner is a role ("EP to observe N.C." is part of a referral). */
  ownerRole?: string;
  /** The meeting the action was agreed in: at an annual review, "the review" is that review. */
  meeting?: EventType;
}

/** A best guess at the item type from the action's words and `hints`, and whether it is only the default. */
export function guessItemType(description: string, hints: ItemTypeHints = {}): ItemTypeGuess {
  for (const [itemType, pattern] of RULES) if (pattern.test(description)) return { itemType, guessed: false };
  if (hints.ownerRole && PROFESSIONAL_OWNERS.has(hints.ownerRole.toLowerCase()))
    return { itemType: 'professional_referral', guessed: false };
  if (hints.meeting === 'annual_review' && /\b(?:the|this)\s+review\b/i.test(description))
    return { itemType: 'annual_review', guessed: false };
  return { itemType: DEFAULT_ITEM_TYPE, guessed: true };
}
