import type { ClockSync, EhcPlanView } from '@/api-types';
import type { EhcPlanDetails } from '@/kernel/ehc-plan';
import { sendRequest, type GetToken } from '@tab/api/send-request';

export type SavedEhcPlan = EhcPlanView & { sync: ClockSync };

/** A pupil's EHC plan dates and statutory steps (SEND team only: others get a 403 ApiError). */
export interface EhcPlanApi {
  /** @throws ApiError 404 when the pupil is not on the register */
  get(pupilId: string): Promise<EhcPlanView>;
  /** @throws ApiError 409 when someone saved since `version`, 400 with the fields' problems */
  save(pupilId: string, version: number, details: EhcPlanDetails): Promise<SavedEhcPlan>;
  /** @throws as `save` */
  reviewHeld(pupilId: string, held: { version: number; heldOn: string; note: string }): Promise<SavedEhcPlan>;
}

export function createEhcPlanApi(getToken: GetToken): EhcPlanApi {
  const plan = (id: string) => `/api/register/pupils/${encodeURIComponent(id)}/ehc-plan`;
  const json = async <T>(path: string, init?: { method: string; body: unknown }) =>
    (await (await sendRequest(getToken, path, init)).json()) as T;
  return {
    get: (id) => json(plan(id)),
    save: (id, version, details) => json(plan(id), { method: 'PUT', body: { version, details } }),
    reviewHeld: (id, held) => json(`${plan(id)}/review-held`, { method: 'POST', body: held }),
  };
}
