/** POSTs `body` as JSON to the app at `baseUrl()` (read at call time, once the server listens); the reply's status and parsed body. */
export function jsonPoster(baseUrl: () => string) {
  return async (route: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${baseUrl()}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}
