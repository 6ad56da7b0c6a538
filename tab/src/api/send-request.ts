import { ApiError } from './api-error';

/** Supplies the Teams SSO token, or null in local mode (the server's local identity applies). */
export type GetToken = () => Promise<string | null>;

/**
 * One API call with the SSO token, for the clients beside the tracker's own (register, passport,
 * digest). JSON in; the raw Response out, since some routes answer HTML or a file.
 * @throws ApiError carrying the server's error id, message and field problems
 */
export async function sendRequest(
  getToken: GetToken,
  path: string,
  init: { method?: string; body?: unknown; accept?: string } = {},
): Promise<Response> {
  const token = await getToken();
  const headers: Record<string, string> = { Accept: init.accept ?? 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof data.error === 'string' ? data.error : 'error',
      typeof data.message === 'string' ? data.message : response.statusText,
      Array.isArray(data.problems) ? (data.problems as ApiError['problems']) : [],
    );
  }
  return response;
}

/** A downloaded file and the name the server gave it (Content-Disposition), or `fallback`. */
export async function responseFile(response: Response, fallback: string): Promise<{ blob: Blob; filename: string }> {
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  return { blob: await response.blob(), filename };
}
