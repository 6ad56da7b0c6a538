import { createContext, useContext } from 'react';
import type { IsoDate } from '@/kernel/dates';
import type { Me, TrackerApi } from '@tab/api/api-client';
import type { Route } from '@tab/navigation/route';

/** What every view needs: the API, who is signed in, today's London date and navigation. */
export interface AppServices {
  api: TrackerApi;
  /** The SSO token for API clients other than `api` (register, digest); null in local mode. */
  getToken: () => Promise<string | null>;
  me: Me | null;
  today: IsoDate;
  navigate: (route: Route) => void;
  /** Opens the item panel over the current view (and puts it in the URL, so it can be shared). */
  openItem: (id: string) => void;
  /** Goes up by one whenever the item panel saves a change or the change feed reports one, so lists reload. */
  dataVersion: number;
  /** Items someone changed in the last few seconds: their rows are highlighted, an open panel checks itself. */
  recentlyChanged: ReadonlySet<string>;
}

export const AppContext = createContext<AppServices | null>(null);

/** @throws Error when used outside <AppContext.Provider> (a programming error). */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp() outside AppContext');
  return services;
}
