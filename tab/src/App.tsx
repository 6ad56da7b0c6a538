import { FluentProvider, makeStyles, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { londonDate } from '@/kernel/dates';
import { createApi, type Me } from '@tab/api/api-client';
import { useLiveChanges } from '@tab/api/use-live-changes';
import { AppContext, type AppServices } from '@tab/app-context';
import { AppShell } from '@tab/components/AppShell/AppShell';
import { parseRoute, routeSearch, visibleViews, type Route } from '@tab/navigation/route';
import { connectToHost, getSsoToken, type HostInfo } from '@tab/teams/teams-host';
import { fluentTheme, resolveThemeName } from '@tab/teams/theme';
import { TrackerView } from '@tab/views/TrackerView';

// Only the live tracker is in the first download; the rest load when opened.
const CheckInView = lazy(() => import('@tab/views/CheckInView'));
const PupilView = lazy(() => import('@tab/views/PupilView'));
const ConfigView = lazy(() => import('@tab/views/ConfigView'));
const ItemDetailDialog = lazy(() => import('@tab/components/ItemDetail/ItemDetailDialog'));
// SEND-team views: most staff never open them, so they stay out of the first download entirely.
const RegisterView = lazy(() => import('@tab/views/RegisterView'));
const InterventionsView = lazy(() => import('@tab/views/InterventionsView'));
const ProvisionView = lazy(() => import('@tab/views/ProvisionView'));
const DigestView = lazy(() => import('@tab/views/DigestView'));
const RemindersView = lazy(() => import('@tab/views/RemindersView'));
const RolesView = lazy(() => import('@tab/views/RolesView'));

const useStyles = makeStyles({ root: { minHeight: '100vh' } });

const currentRoute = (subPageId?: string) => parseRoute(window.location.pathname, window.location.search, subPageId);

/**
 * The tab. It renders at once (local mode) and adopts the Teams host's theme, deep link and SSO
 * when `app.initialize()` answers in time.
 */
export function App() {
  const styles = useStyles();
  const hostReady = useMemo(() => connectToHost((theme) => setHostTheme(theme)), []);
  const getToken = useMemo(() => async () => getSsoToken(await hostReady), [hostReady]);
  const api = useMemo(() => createApi(getToken), [getToken]);
  const [host, setHost] = useState<HostInfo | null>(null);
  const [hostTheme, setHostTheme] = useState<string | undefined>();
  const [route, setRoute] = useState<Route>(() => currentRoute());
  const [me, setMe] = useState<Me | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const live = useLiveChanges(api);

  useEffect(() => {
    void hostReady.then((h) => {
      setHost(h);
      setHostTheme(h.theme);
      // A Teams deep link (subPageId) applies only when the URL itself names no view.
      if (h.subPageId && !new URLSearchParams(window.location.search).has('view')) setRoute(currentRoute(h.subPageId));
    });
    api.me().then(setMe, () => setMe(null));
    const onPop = () => setRoute(currentRoute());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [api, hostReady]);

  const go = useCallback((next: Route, keepFilters: boolean) => {
    window.history.pushState(null, '', routeSearch(next, window.location.search, keepFilters));
    setRoute(next);
  }, []);

  const services: AppServices = useMemo(
    () => ({
      api,
      getToken,
      me,
      today: londonDate(new Date()),
      navigate: (next) => go(next, false),
      openItem: (id) => go({ ...route, itemId: id }, true),
      dataVersion: dataVersion + live.version,
      recentlyChanged: live.recent,
    }),
    [api, getToken, me, go, route, dataVersion, live],
  );

  const theme = fluentTheme(resolveThemeName(window.location.search, hostTheme));
  const fallback = <Spinner label="Loading…" />;
  return (
    <FluentProvider theme={theme} className={styles.root}>
      <AppContext.Provider value={services}>
        <Suspense fallback={fallback}>
          {route.view === 'config' ? (
            <ConfigView inTeams={host?.inTeams ?? false} />
          ) : (
            <AppShell
              view={route.view}
              views={visibleViews(me?.sendTeam ?? false)}
              userName={me?.name}
              onNavigate={(view) => go({ view }, false)}
            >
              {route.view === 'tracker' && <TrackerView key="open" scope="open" />}
              {route.view === 'my-actions' && (me ? <TrackerView key="mine" scope="mine" /> : fallback)}
              {route.view === 'archive' && <TrackerView key="archive" scope="archive" />}
              {route.view === 'check-in' && <CheckInView />}
              {route.view === 'pupil' && <PupilView pupilId={route.pupilId} />}
              {route.view === 'register' && <RegisterView />}
              {route.view === 'interventions' && <InterventionsView />}
              {route.view === 'provision' && <ProvisionView />}
              {route.view === 'digest' && <DigestView />}
              {route.view === 'reminders' && <RemindersView />}
              {route.view === 'roles' && <RolesView />}
            </AppShell>
          )}
          {route.itemId && (
            <ItemDetailDialog
              id={route.itemId}
              onClose={() => go({ ...route, itemId: undefined }, true)}
              onChanged={() => setDataVersion((v) => v + 1)}
            />
          )}
        </Suspense>
      </AppContext.Provider>
    </FluentProvider>
  );
}
