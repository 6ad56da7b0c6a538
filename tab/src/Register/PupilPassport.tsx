import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PassportContent } from '@/kernel/passport';
import { ApiError, friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { saveFile } from '@tab/views/download';
import { createPassportApi } from './passport-api';
import { PassportEditor } from './PassportEditor';

type Notice = { intent: 'success' | 'error'; text: string };

/** A register pupil's one-page profile in the Pupil view (SEND team): edit, save, download as Word. */
export default function PupilPassport({ pupilId, onDocumentsChanged }: { pupilId: string; onDocumentsChanged?: () => void }) {
  const { getToken } = useApp();
  const api = useMemo(() => createPassportApi(getToken), [getToken]);
  const loaded = useLoad(() => api.get(pupilId), pupilId);
  // The version saved last from here; a save answers with the next one, so a second save needs no reload.
  const [saved, setSaved] = useState<{ pupilId: string; version: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || loaded.loading) return <Spinner label="Loading the profile…" />;
  const version = saved?.pupilId === pupilId ? Math.max(saved.version, loaded.data.version) : loaded.data.version;

  async function save(content: PassportContent) {
    setNotice(null);
    try {
      const result = await api.save(pupilId, version, content);
      setSaved({ pupilId, version: result.version });
      setNotice({ intent: 'success', text: 'Profile saved.' });
    } catch (error) {
      setNotice({
        intent: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? 'Someone else saved this profile: reloaded. Check it and make your change again.'
            : friendlyMessage(error),
      });
      if (error instanceof ApiError && error.status === 409) loaded.reload();
    }
  }

  async function saveToDocuments() {
    setNotice(null);
    try {
      await api.saveToDocuments(pupilId);
      setNotice({
        intent: 'success',
        text: 'Saved to the pupil’s documents as the current one-page profile (the earlier one is kept as superseded).',
      });
      onDocumentsChanged?.();
    } catch (error) {
      setNotice({ intent: 'error', text: friendlyMessage(error) });
    }
  }

  async function download() {
    setNotice(null);
    try {
      const file = await api.docx(pupilId);
      saveFile(file.blob, file.filename);
    } catch (error) {
      setNotice({ intent: 'error', text: friendlyMessage(error) });
    }
  }

  return (
    <section aria-labelledby="pupil-passport">
      <h2 id="pupil-passport">One-page profile</h2>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <PassportEditor
        key={`${pupilId}:${loaded.data.version}`}
        initial={loaded.data.content}
        onSave={save}
        onDownload={() => void download()}
        onSaveToDocuments={() => void saveToDocuments()}
      />
    </section>
  );
}
