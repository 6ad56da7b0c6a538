import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { applyView, matchesFilters, type SortKey } from '@/kernel/action-view';
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
import { filterOptions } from './view-options';

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
 * The live tracker, My actions and the Archive: one list loaded once, then filtered, searched,
 * sorted and paged in the browser so every change is instant even with thousands of rows.
 */
export function TrackerView({ scope }: { scope: TrackerScope }) {
  const { api, me, today, openItem, dataVersion } = useApp();
  const styles = useStyles();
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  const [exportError, setExportError] = useState<string | null>(null);
  const base: ListParams = scope === 'archive' ? { archived: 'true', status: 'done,parked' } : scope === 'mine' ? { owner: me?.id } : {};
  const loaded = useLoad(() => api.listActions(base), `${scope}:${me?.id}:${dataVersion}`);

  useEffect(() => {
    window.history.replaceState(window.history.state, '', writeViewState(window.location.search, view));
  }, [view]);

  const all = loaded.data;
  const options = useMemo(() => filterOptions(all ?? []), [all]);
  const rows = useMemo(
    () =>
      applyView(
        (all ?? []).filter((a) => matchesFilters(a, view.filters)),
        { search: view.search, sort: view.sort, direction: view.direction },
      ),
    [all, view.filters, view.search, view.sort, view.direction],
  );
  const lastPage = Math.max(0, Math.ceil(rows.length / PAGE_SIZE) - 1);
  const page = Math.min(view.page, lastPage);
  const pageRows = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const onSort = (key: SortKey) =>
    setView((v) => ({ ...v, sort: key, direction: v.sort === key && v.direction === 'asc' ? 'desc' : 'asc', page: 0 }));

  const onExport = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      const own = viewToParams(view);
      const { blob, filename } = await api.exportFile(format, { ...base, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v)) });
      saveFile(blob, filename);
    } catch (error) {
      setExportError(friendlyMessage(error));
    }
  };

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!all) return <Spinner label="Loading items…" />;
  return (
    <section aria-label={CAPTIONS[scope]}>
      <TrackerFilters
        filters={view.filters}
        search={view.search}
        pupils={options.pupils}
        owners={options.owners}
        statuses={scope === 'archive' ? CLOSED_STATUSES : OPEN_STATUSES}
        hideOwner={scope === 'mine'}
        onChange={(filters, search) => setView((v) => ({ ...v, filters, search, page: 0 }))}
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
        actions={pageRows}
        today={today}
        caption={`${CAPTIONS[scope]}: ${rows.length.toLocaleString('en-GB')} matching`}
        onOpen={openItem}
        sort={{ key: view.sort, direction: view.direction }}
        onSort={onSort}
      />
      <Pager
        page={page}
        pageSize={PAGE_SIZE}
        total={rows.length}
        onPage={(p) => setView((v) => ({ ...v, page: p }))}
        label={CAPTIONS[scope]}
      />
    </section>
  );
}
