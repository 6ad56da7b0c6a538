import { Field, Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, type PupilDocument } from '@/kernel/pupil-document';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { createDocumentsApi } from '@tab/Register/documents-api';

/** Where a document opens: in SharePoint (tenant mode), or from the app under its own name. */
export function documentLink(doc: PupilDocument): string {
  return doc.webUrl ?? `${window.location.origin}/api/documents/${encodeURIComponent(doc.id)}/files/${encodeURIComponent(doc.name)}`;
}

/**
 * The pupil's documents for the evidence picker: loaded once per pupil while the panel is open (the
 * edit form below it is rebuilt after every save, so it must not load them itself); none for a
 * closed item (null), or where the person may not see them.
 */
export function usePupilDocuments(pupilId: string | null): PupilDocument[] {
  const { getToken } = useApp();
  const api = useMemo(() => createDocumentsApi(getToken), [getToken]);
  const loaded = useLoad(async () => (pupilId ? (await api.list(pupilId)).documents : []), pupilId ?? '');
  return loaded.data ?? [];
}

/** Picks the evidence for an item from its pupil's documents, current first (a pasted link still works). Nothing shows when there are none. */
export function DocumentPicker({ documents, onPick }: { documents: readonly PupilDocument[]; onPick: (url: string) => void }) {
  if (documents.length === 0) return null;
  return (
    <Field label="Or pick one of the pupil’s documents">
      <Select
        value=""
        onChange={(_, d) => {
          const doc = documents.find((x) => x.id === d.value);
          if (doc) onPick(documentLink(doc));
        }}
      >
        <option value="">Choose a document</option>
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} ({DOCUMENT_TYPE_LABELS[d.type]}, {DOCUMENT_STATUS_LABELS[d.status].toLowerCase()})
          </option>
        ))}
      </Select>
    </Field>
  );
}
