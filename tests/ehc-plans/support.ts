import type { EhcPlanDetails } from '@/kernel/ehc-plan';

/** A plan issued on 25 November 2025 with its first review booked for 12 November 2026 (a Thursday). */
export const ISSUED_PLAN: EhcPlanDetails = {
  localAuthority: 'Oakshire County Council',
  requestDate: '2025-07-01',
  issueDate: '2025-11-25',
  lastReviewDate: null,
  nextReviewDate: '2026-11-12',
  phaseTransfer: null,
};
