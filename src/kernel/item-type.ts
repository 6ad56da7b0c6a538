/** What kind of work a tracked item is (the tracker's "item type" column in SENCO practice). */
export const ITEM_TYPES = [
  'annual_review',
  'intervention',
  'parent_follow_up',
  'professional_referral',
  'support_plan_update',
  'classroom_adjustment',
  'document_to_share',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  annual_review: 'Annual review',
  intervention: 'Intervention',
  parent_follow_up: 'Parent follow-up',
  professional_referral: 'Professional referral',
  support_plan_update: 'Support plan update',
  classroom_adjustment: 'Classroom adjustment change',
  document_to_share: 'Document to share',
};

/** The meeting or event an action was agreed in (the action log's "meeting or event type"). */
export const EVENT_TYPES = [
  'annual_review',
  'sen_support_meeting',
  'parent_conversation',
  'transition_meeting',
  'complaint_or_concern',
  'pastoral_check_in',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  annual_review: 'Annual review',
  sen_support_meeting: 'SEN support meeting',
  parent_conversation: 'Parent conversation',
  transition_meeting: 'Transition meeting',
  complaint_or_concern: 'Complaint or concern',
  pastoral_check_in: 'Pastoral check-in',
};
