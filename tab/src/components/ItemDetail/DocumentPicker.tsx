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
 * Picks the evidence for an item from its pupil's documents, current first (a pasted link still
 * works). Nothing shows where the person may not see the pupil's documents or there are none.
 */
export function DocumentPicker({ pupilId, onPick }: { pupilId: string; onPick: (url: string) => void }) {
  const { getToken } = useApp();
  const api = useMemo(() => createDocumentsApi(getToken), [getToken]);
  const loaded = useLoad(() => api.list(pupilId), pupilId);
  const documents = loaded.data?.documents ?? [];
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
