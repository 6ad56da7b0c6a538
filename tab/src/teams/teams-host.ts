/**
 * The Teams (or Outlook / Microsoft 365) host, when there is one. teams-js is loaded on demand so
 * a plain browser never pays for it up front, and `app.initialize()` is raced with a short timeout:
 * outside Teams it rejects at once in a top-level window but hangs for a minute in a foreign iframe.
 */
export interface HostInfo {
  /** False in local mode: a plain browser, no SSO, no theme events. */
  inTeams: boolean;
  theme: string | undefined;
  /** Deep-link target from a Teams link (`context.page.subPageId`), e.g. `item:<id>` or `pupil:<ref>`. */
  subPageId: string | undefined;
  /** The page is the channel tab's configuration page. */
  frameContext: string | undefined;
}

export const LOCAL_HOST: HostInfo = { inTeams: false, theme: undefined, subPageId: undefined, frameContext: undefined };

export const INITIALIZE_TIMEOUT_MS = 1500;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('not in Teams')), ms));
}

/**
 * Connects to the host and subscribes to its theme changes. Resolves LOCAL_HOST when there is no host.
 */
export async function connectToHost(onThemeChange: (theme: string) => void, timeoutMs = INITIALIZE_TIMEOUT_MS): Promise<HostInfo> {
  // Teams, Outlook and the Microsoft 365 app embed the tab in a frame (desktop, web) or give it a
  // native bridge (mobile). A plain top-level page has no host: skip teams-js, which would also
  // fetch its list of valid domains from the internet.
  if (window.parent === window && !('nativeInterface' in window)) return LOCAL_HOST;
  try {
    const { app } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    app.registerOnThemeChangeHandler(onThemeChange);
    app.notifySuccess();
    return {
      inTeams: true,
      theme: context.app.theme,
      subPageId: context.page.subPageId || undefined,
      frameContext: context.page.frameContext,
    };
  } catch {
    return LOCAL_HOST;
  }
}

/**
 * A Teams SSO token for the API (tenant mode). Null in local mode, where the server uses its
 * local identity instead.
 */
export async function getSsoToken(host: HostInfo): Promise<string | null> {
  if (!host.inTeams) return null;
  const { authentication } = await import('@microsoft/teams-js');
  return authentication.getAuthToken();
}
