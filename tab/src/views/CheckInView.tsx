import { Spinner } from '@fluentui/react-components';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { CheckInSections } from '@tab/components/CheckInSections/CheckInSections';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';

/** The weekly check-in (SEND team only; others see the server's 403 explained). */
export default function CheckInView() {
  const { api, today, openItem, dataVersion } = useApp();
  const loaded = useLoad(() => api.checkIn(), String(dataVersion));
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner label="Loading the check-in…" />;
  return <CheckInSections buckets={loaded.data} today={today} onOpen={openItem} />;
}
