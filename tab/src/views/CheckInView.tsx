import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CheckInBucket } from '@/kernel/action-page';
import type { CheckInReply } from '@/api-types';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { CheckInSections } from '@tab/components/CheckInSections/CheckInSections';
import { DocumentsPastReview } from '@tab/components/CheckInSections/DocumentsPastReview';
import { StatutoryDeadlines } from '@tab/components/CheckInSections/StatutoryDeadlines';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';

/**
 * The weekly check-in (SEND team only; others see the server's 403 explained): the EHC plans'
 * statutory deadlines first, then four counts and the first rows of each list in one request, then
 * "Show more" a page at a time.
 */
export default function CheckInView() {
  const { api, today, openItem, navigate, dataVersion, recentlyChanged } = useApp();
  const loaded = useLoad(() => api.checkIn(), String(dataVersion));
  const statutory = useLoad(() => api.statutoryDeadlines(), String(dataVersion));
  // Where pupil documents are not served (tenant mode so far) the section is simply not there.
  const documents = useLoad(() => api.documentsPastReview(), String(dataVersion));
  const [lists, setLists] = useState<CheckInReply | undefined>();
  const [loadingMore, setLoadingMore] = useState<CheckInBucket | undefined>();
  const [moreError, setMoreError] = useState<string | null>(null);
  useEffect(() => setLists(loaded.data), [loaded.data]);

  const onMore = async (bucket: CheckInBucket) => {
    if (!lists) return;
    setLoadingMore(bucket);
    setMoreError(null);
    try {
      const next = await api.checkInMore(bucket, lists[bucket].items.length);
      setLists((l) => l && { ...l, [bucket]: { ...l[bucket], items: [...l[bucket].items, ...next] } });
    } catch (error) {
      setMoreError(friendlyMessage(error));
    } finally {
      setLoadingMore(undefined);
    }
  };

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!lists) return <Spinner label="Loading the check-in…" />;
  return (
    <>
      {moreError && <p role="alert">{moreError}</p>}
      {statutory.error !== undefined && <ErrorNotice error={statutory.error} onRetry={statutory.reload} />}
      {statutory.data && <StatutoryDeadlines lists={statutory.data} today={today} onOpen={openItem} />}
      <CheckInSections
        lists={lists}
        today={today}
        onOpen={openItem}
        onMore={(b) => void onMore(b)}
        loadingMore={loadingMore}
        highlight={loaded.loading ? undefined : recentlyChanged}
      />
      {documents.data && <DocumentsPastReview documents={documents.data} onOpenPupil={(pupilId) => navigate({ view: 'pupil', pupilId })} />}
    </>
  );
}
