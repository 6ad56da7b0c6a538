/** Where "open in tracker" links in emails point. */
export interface DeepLinks {
  /** One item in the tracker tab. */
  item(actionId: string): string;
  /** The tracker itself. */
  tracker(): string;
}

export interface DeepLinkOptions {
  /** The app's public base URL (no trailing slash needed). */
  publicUrl: string;
  /** The Teams app id from the manifest. When set, links open the tab inside Teams instead of a browser. */
  teamsAppId?: string;
}

/**
 * Builds deep links. With a Teams app id they are Teams entity links whose `subEntityId` carries the
 * same `view=item&id=...` query the browser tab reads, so the tab handles both the same way.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
export function deepLinks({ publicUrl, teamsAppId }: DeepLinkOptions): DeepLinks {
  const base = publicUrl.replace(/\/+$/, '');
  const itemQuery = (id: string) => new URLSearchParams({ view: 'item', id }).toString();
  if (teamsAppId) {
    const entity = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/tracker`;
    return {
      item: (id) => `${entity}?context=${encodeURIComponent(JSON.stringify({ subEntityId: itemQuery(id) }))}`,
      tracker: () => entity,
    };
  }
  return {
    item: (id) => `${base}/tab/?${itemQuery(id)}`,
    tracker: () => `${base}/tab/`,
  };
}
