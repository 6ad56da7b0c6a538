import type { PupilDocument } from '@/kernel/pupil-document';
import { ApiError } from '@tab/api/api-error';
import { sendRequest, type GetToken } from '@tab/api/send-request';

export interface NewUpload {
  file: File;
  type: PupilDocument['type'];
  reviewDate: string | null;
  makeCurrent: boolean;
}

/** The stored document and, for a current plan or profile with a review date, its review item on the tracker. */
export interface Added {
  document: PupilDocument;
  reviewItemId: string | null;
}

/** A pupil's documents: everyone the server lets see them reads; the SEND team uploads and makes current. */
export interface DocumentsApi {
  list(pupilId: string): Promise<{ documents: PupilDocument[]; canChange: boolean }>;
  /** Sends the file itself as the body; `onProgress` gets the share sent so far (0 to 1). */
  upload(pupilId: string, upload: NewUpload, onProgress: (sent: number) => void): Promise<Added>;
  makeCurrent(document: PupilDocument): Promise<{ document: PupilDocument; superseded: PupilDocument | null }>;
  content(document: PupilDocument): Promise<Blob>;
}

export function createDocumentsApi(getToken: GetToken): DocumentsApi {
  const base = (pupilId: string) => `/api/register/pupils/${encodeURIComponent(pupilId)}/documents`;
  return {
    list: async (pupilId) =>
      (await sendRequest(getToken, base(pupilId))).json() as Promise<{ documents: PupilDocument[]; canChange: boolean }>,
    makeCurrent: async (d) =>
      (
        await sendRequest(getToken, `/api/documents/${encodeURIComponent(d.id)}/make-current`, {
          method: 'POST',
          body: { version: d.version },
        })
      ).json() as Promise<{
        document: PupilDocument;
        superseded: PupilDocument | null;
      }>,
    content: async (d) => (await sendRequest(getToken, `/api/documents/${encodeURIComponent(d.id)}/content`, { accept: '*/*' })).blob(),
    upload: async (pupilId, u, onProgress) => {
      const query = new URLSearchParams({ name: u.file.name, type: u.type, makeCurrent: String(u.makeCurrent) });
      if (u.reviewDate) query.set('reviewDate', u.reviewDate);
      const token = await getToken();
      // XMLHttpRequest, not fetch: only it reports how much of a large file has been sent.
      return new Promise<Added>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('PUT', `${base(pupilId)}?${query}`);
        xhr.setRequestHeader('Accept', 'application/json');
        if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        // Every byte is sent: the page says it is being saved while the server stores it.
        xhr.upload.onload = () => onProgress(1);
        // Not an ApiError: the page then says the tracker could not be reached (nothing was saved).
        xhr.onerror = () => reject(new Error('the upload did not reach the server'));
        xhr.onload = () => {
          const data = (() => {
            try {
              return JSON.parse(xhr.responseText) as Record<string, unknown>;
            } catch {
              return {};
            }
          })();
          if (xhr.status === 200) return resolve(data as unknown as Added);
          reject(
            new ApiError(
              xhr.status,
              typeof data.error === 'string' ? data.error : 'error',
              typeof data.message === 'string' ? data.message : xhr.statusText,
              Array.isArray(data.problems) ? (data.problems as ApiError['problems']) : [],
            ),
          );
        };
        xhr.send(u.file);
      });
    },
  };
}
