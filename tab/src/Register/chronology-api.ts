import type { ChronologyEvent, ChronologyKind } from '@/kernel/chronology';
import { responseFile, sendRequest, type GetToken } from '@tab/api/send-request';

/** A register pupil's chronology (SEND team only: others get a 403 ApiError). */
export interface ChronologyApi {
  events(pupilId: string, kinds: readonly ChronologyKind[]): Promise<ChronologyEvent[]>;
  docx(pupilId: string, kinds: readonly ChronologyKind[]): Promise<{ blob: Blob; filename: string }>;
}

export function createChronologyApi(getToken: GetToken): ChronologyApi {
  const path = (id: string, kinds: readonly ChronologyKind[], suffix = '') =>
    `/api/register/pupils/${encodeURIComponent(id)}/chronology${suffix}?kinds=${kinds.join(',')}`;
  return {
    events: async (id, kinds) => ((await (await sendRequest(getToken, path(id, kinds))).json()) as { events: ChronologyEvent[] }).events,
    docx: async (id, kinds) => responseFile(await sendRequest(getToken, path(id, kinds, '.docx'), { accept: '*/*' }), 'chronology.docx'),
  };
}
