import type { Passport, PassportContent } from '@/kernel/passport';
import type { NeedCode, SenStatus } from '@/kernel/need-codes';
import { responseFile, sendRequest, type GetToken } from '@tab/api/send-request';

/** A register pupil as GET /api/register/pupils lists them (census fields the tab needs, no UPN). */
export interface RegisterPupil {
  id: string;
  forename: string;
  surname: string;
  yearGroup: number;
  regGroup: string | null;
  senStatus: SenStatus;
  needs: { code: NeedCode; rank: number }[];
  attendancePercent: number | null;
}

/** A stored profile, or the empty one (version 0) for a pupil who has none yet. */
export type PassportState = Pick<Passport, 'pupilId' | 'content' | 'version'>;

/** Register pupils and their one-page profiles (SEND team only: others get a 403 ApiError). */
export interface PassportApi {
  pupils(): Promise<RegisterPupil[]>;
  /** @throws ApiError 404 when the pupil is not on the register */
  get(pupilId: string): Promise<PassportState>;
  /** @throws ApiError 409 when someone saved since `version` */
  save(pupilId: string, version: number, content: PassportContent): Promise<Passport>;
  docx(pupilId: string): Promise<{ blob: Blob; filename: string }>;
  /** Saves the profile as Word into the pupil's documents, as the current one-page profile. */
  saveToDocuments(pupilId: string): Promise<unknown>;
}

export function createPassportApi(getToken: GetToken): PassportApi {
  const pupil = (id: string) => `/api/register/pupils/${encodeURIComponent(id)}`;
  const json = async <T>(path: string, init?: { method: string; body: unknown }) =>
    (await (await sendRequest(getToken, path, init)).json()) as T;
  return {
    pupils: async () => (await json<{ pupils: RegisterPupil[] }>('/api/register/pupils')).pupils,
    get: (id) => json(`${pupil(id)}/passport`),
    save: (id, version, content) => json(`${pupil(id)}/passport`, { method: 'PUT', body: { version, content } }),
    saveToDocuments: async (id) =>
      (await sendRequest(getToken, `${pupil(id)}/passport/save-to-documents`, { method: 'POST', body: {} })).json(),
    docx: async (id) => responseFile(await sendRequest(getToken, `${pupil(id)}/passport.docx`, { accept: '*/*' }), 'profile.docx'),
  };
}
