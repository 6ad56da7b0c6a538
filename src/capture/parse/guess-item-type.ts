import type { ItemType } from '@/kernel/item-type';

/** When no word gives the type away. Parent follow-up is the most common SEND action; staff can change it on the card. */
export const DEFAULT_ITEM_TYPE: ItemType = 'parent_follow_up';

const PARENT = String.raw`(?:mum|mom|mother|dad|father|parents?|carers?|family|grandparents?|guardians?|foster\s+carers?)`;
const CONTACT = String.raw`(?:phone|call|ring|text|email|e-mail|meet|meet\s+with|speak\s+(?:to|with)|talk\s+(?:to|with)|contact|update|invite|write\s+to|catch\s+up\s+with|follow\s+up\s+with)`;
const DOCUMENT = String.raw`(?:reports?|minutes|notes|letters?|documents?|paperwork|copy|copies|advice|summary|assessments?|evidence|records?|forms?)`;

/**
 * Rules in order: the first that matches wins. Specific phrases come before single words so
 * "phone mum re reading plan" is a parent follow-up, "send EP referral" a referral and
 * "seating plan" a classroom adjustment.
 */
const RULES: [ItemType, RegExp][] = [
  ['annual_review', /\b(?:annual\s+review|ehcp?\s+review|review\s+meeting)\b/i],
  ['professional_referral', /\b(?:referrals?|refer|re-refer)\b/i],
  ['parent_follow_up', new RegExp(String.raw`^(?:\S+\s+){0,2}?${CONTACT}\s+(?:the\s+|with\s+)?${PARENT}\b`, 'i')],
  [
    'document_to_share',
    new RegExp(String.raw`\b(?:send|share|email|e-mail|forward|circulate|upload|pass\s+on|copy)\b.{0,40}?\b${DOCUMENT}\b`, 'i'),
  ],
  // Acronyms only in capitals: "ot" and "ep" are not words, but a lower-case match is more likely noise.
  ['professional_referral', /\b(?:EPs?|SALT|SaLT|OT)\b/],
  [
    'professional_referral',
    /\b(?:camhs|educational\s+psychologist|speech\s+and\s+language|occupational\s+therap\w*|paediatrician|school\s+nurse|early\s+help|outreach)\b/i,
  ],
  [
    'intervention',
    /\b(?:interventions?|phonics\s+group|precision\s+teaching|elsa|lego\s+therapy|nurture\s+group|social\s+skills\s+group|reading\s+group|booster|1:1\s+reading|toe\s+by\s+toe|numicon|fine\s+motor|zones\s+of\s+regulation)\b/i,
  ],
  [
    'classroom_adjustment',
    /\b(?:seating|seat|adjustments?|visual\s+timetable|ear\s+defenders|movement\s+breaks?|fidget|writing\s+slope|coloured\s+overlay|overlays?|now\s+and\s+next|sensory\s+breaks?|workstation|timetable|reasonable\s+adjustment)\b/i,
  ],
  ['support_plan_update', /\b(?:plans?|iep|ssp|ehcp|pupil\s+passport|one[-\s]page\s+profile|provision\s+map|targets?|outcomes?)\b/i],
  ['annual_review', /\breview\b/i],
  ['parent_follow_up', new RegExp(String.raw`\b${PARENT}\b|\b(?:phone|call|ring)\b`, 'i')],
];

/** A best guess at the item type from the action's words; `DEFAULT_ITEM_TYPE` when nothing fits. */
export function guessItemType(description: string): ItemType {
  for (const [type, pattern] of RULES) if (pattern.test(description)) return type;
  return DEFAULT_ITEM_TYPE;
}
