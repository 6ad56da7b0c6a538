import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SortKey } from '@/kernel/action-view';
import { CLOSED_STATUSES, OPEN_STATUSES } from '@/kernel/status';
import type { ListParams } from '@tab/api/api-client';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ActionTable } from '@tab/components/ActionTable/ActionTable';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { Pager } from '@tab/components/Pager/Pager';
import { TrackerFilters } from '@tab/components/TrackerFilters/TrackerFilters';
import { parseViewState, viewToParams, writeViewState, type ViewState } from '@tab/navigation/view-state';
import { saveFile } from './download';

export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', paddingBottom: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export type TrackerScope = 'open' | 'mine' | 'archive';

const CAPTIONS: Record<TrackerScope, string> = {
  open: 'Open items',
  mine: 'Items you own',
  archive: 'Closed items (done or parked)',
};

/**
 * The live tracker, My actions and the Archive. The server filters, searches, sorts and pages: one
 * request per view brings 50 rows and the total, and the filter pickers' choices come once per scope.
 */
export function TrackerView({ scope }: { scope: TrackerScope }) {
  const { me } = useApp();
  // "My actions" needs to know who is asking; the other lists do not wait for it.
  if (scope === 'mine' && !me) return <Spinner label="Loading items…" />;
  const base: ListParams = scope === 'archive' ? { archived: 'true', status: 'done,parked' } : scope === 'mine' ? { owner: me!.id } : {};
  // One list per scope: its filters and page start afresh from the URL when the scope changes.
  return <TrackerList key={scope} scope={scope} base={base} />;
}

/** How long typing in the search box rests before the list is asked again. */
const SEARCH_PAUSE_MS = 250;

function TrackerList({ scope, base }: { scope: TrackerScope; base: ListParams }) {
  const { api, today, openItem, dataVersion, recentlyChanged } = useApp();
  const styles = useStyles();
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  const [exportError, setExportError] = useState<string | null>(null);
  const search = useDebounced(view.search, SEARCH_PAUSE_MS);
  const viewParams = paramsOf({ ...view, search }, base);
  const params: ListParams = { ...viewParams, offset: view.page ? String(view.page * PAGE_SIZE) : undefined, limit: String(PAGE_SIZE) };
  const loaded = useLoad(() => api.listActions(params), `${JSON.stringify(params)}:${dataVersion}`);
  const facets = useLoad(() => api.facets(scope === 'archive' ? 'archive' : 'open'), scope);

  useEffect(() => {
    window.history.replaceState(window.history.state, '', writeViewState(window.location.search, view));
  }, [view]);

  const onSort = (key: SortKey) =>
    setView((v) => ({ ...v, sort: key, direction: v.sort === key && v.direction === 'asc' ? 'desc' : 'asc', page: 0 }));

  const onExport = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      const { blob, filename } = await api.exportFile(format, paramsOf(view, base));
      saveFile(blob, filename);
    } catch (error) {
      setExportError(friendlyMessage(error));
    }
  };

  const list = loaded.data;
  const lastPage = list ? Math.max(0, Math.ceil(list.total / PAGE_SIZE) - 1) : 0;
  // A page beyond the last (a shared link, or items closed meanwhile) goes back to the last one.
  useEffect(() => {
    if (list && view.page > lastPage) setView((v) => ({ ...v, page: lastPage }));
  }, [list, view.page, lastPage]);

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!list) return <Spinner label="Loading items…" />;
  return (
    <section aria-label={CAPTIONS[scope]} aria-busy={loaded.loading}>
      <TrackerFilters
        filters={view.filters}
        search={view.search}
        pupils={facets.data?.pupils ?? []}
        owners={facets.data?.owners ?? []}
        statuses={scope === 'archive' ? CLOSED_STATUSES : OPEN_STATUSES}
        hideOwner={scope === 'mine'}
        onChange={(filters, text) => setView((v) => ({ ...v, filters, search: text, page: 0 }))}
      />
      <div className={styles.toolbar}>
        <Button onClick={() => void onExport('csv')}>Export CSV</Button>
        <Button onClick={() => void onExport('xlsx')}>Export Excel</Button>
        {exportError && (
          <span role="alert" className={styles.error}>
            {exportError}
          </span>
        )}
      </div>
      <ActionTable
        actions={list.actions}
        today={today}
        caption={`${CAPTIONS[scope]}: ${list.total.toLocaleString('en-GB')} matching`}
        onOpen={openItem}
        sort={{ key: view.sort, direction: view.direction }}
        onSort={onSort}
        hideOwner={scope === 'mine'}
        // A row lights up only once it shows the change: not on the old data while the list reloads.
        highlight={loaded.loading ? undefined : recentlyChanged}
        archive={scope === 'archive'}
      />
      <Pager
        page={Math.min(view.page, lastPage)}
        pageSize={PAGE_SIZE}
        total={list.total}
        onPage={(p) => setView((v) => ({ ...v, page: p }))}
        label={CAPTIONS[scope]}
      />
    </section>
  );
}

/** The view's filters over the scope's own: the user's status choice replaces the scope's default; the scope's owner stays. */
function paramsOf(view: ViewState, base: ListParams): ListParams {
  const own = Object.fromEntries(Object.entries(viewToParams(view)).filter(([, v]) => v !== undefined));
  return { ...own, ...base, status: own.status ?? base.status };
}

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
