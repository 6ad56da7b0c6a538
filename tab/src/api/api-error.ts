/** A failed API call, carrying the server's stable error id (see src/errors.ts) and HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** What to tell staff about a failed call: plain words, no codes, nothing that blames them. */
export function friendlyMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The tracker could not be reached. Check your connection and try again.';
  switch (error.status) {
    case 401:
      return 'Your sign-in has expired. Close and reopen the tab.';
    case 403:
      return `You do not have access to this. ${error.message}`;
    case 404:
      return 'This item was not found. It may have been removed, or it is not shared with you.';
    case 409:
      return 'Someone else changed this item — reloaded. Check it and make your change again.';
    case 400:
      return error.problems.length > 0 ? error.problems.map((p) => p.message).join('; ') : error.message;
    default:
      return 'Something went wrong on the server. Nothing was changed.';
  }
}
