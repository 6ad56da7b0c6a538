import { Checkbox, Field, makeStyles, ProgressBar, Select, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { formatDate } from '@/kernel/dates';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type DocumentType, type PupilDocument } from '@/kernel/pupil-document';
import { ApiError, friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { DateField } from '@tab/components/DateField/DateField';
import { dateHint } from '@tab/components/DateHint/date-hint';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';
import { useFormStyles } from '@tab/components/FormProblems/Form.styles';
import { saveFile } from '@tab/views/download';
import { createDocumentsApi, type DocumentsApi } from './documents-api';
import { DocumentList } from './DocumentList';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  file: { maxWidth: '100%' },
});

/**
 * A pupil's documents, current first: open one, filter by type or those past review; the SEND team
 * also uploads (with progress) and makes a document the current one of its type. `refreshKey` goes up
 * when something else on the page added a document (the profile saved into the folder).
 */
export default function PupilDocuments({ pupilId, refreshKey = 0 }: { pupilId: string; refreshKey?: number }) {
  const { getToken, today } = useApp();
  const styles = useStyles();
  const api = useMemo(() => createDocumentsApi(getToken), [getToken]);
  const [version, setVersion] = useState(0);
  const [type, setType] = useState<DocumentType | ''>('');
  const [pastReview, setPastReview] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const loaded = useLoad(() => api.list(pupilId), `${pupilId}:${version}:${refreshKey}`);

  // Not shared with this person, or not on the register: the panel is not theirs to see.
  if (loaded.error instanceof ApiError && (loaded.error.status === 403 || loaded.error.status === 404)) return null;
  if (loaded.error !== undefined) return <p role="alert">{friendlyMessage(loaded.error)}</p>;
  if (!loaded.data) return <Spinner label="Loading the documents…" />;
  const { documents, canChange } = loaded.data;
  const shown = documents.filter((d) => (!type || d.type === type) && (!pastReview || (d.reviewDate !== null && d.reviewDate <= today)));

  async function act(work: () => Promise<unknown>) {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(friendlyMessage(error));
    }
  }
  const open = (d: PupilDocument) => act(async () => saveFile(await api.content(d), d.name));
  const makeCurrent = (d: PupilDocument) => act(async () => (await api.makeCurrent(d), setVersion((v) => v + 1)));

  return (
    <section aria-labelledby="pupil-documents">
      <h2 id="pupil-documents">Documents</h2>
      <div className={styles.filters}>
        <Field label="Type">
          <Select value={type} onChange={(_, d) => setType(d.value as DocumentType | '')}>
            <option value="">All types</option>
            <TypeOptions />
          </Select>
        </Field>
        <Checkbox label="Only those past their review date" checked={pastReview} onChange={(_, d) => setPastReview(d.checked === true)} />
      </div>
      {problem && <p role="alert">{problem}</p>}
      {shown.length === 0 ? (
        <p>{documents.length === 0 ? 'No documents yet.' : 'No documents match.'}</p>
      ) : (
        <DocumentList documents={shown} canChange={canChange} onOpen={(d) => void open(d)} onMakeCurrent={(d) => void makeCurrent(d)} />
      )}
      {canChange && <UploadForm api={api} pupilId={pupilId} onUploaded={() => setVersion((v) => v + 1)} />}
    </section>
  );
}

function UploadForm({ api, pupilId, onUploaded }: { api: DocumentsApi; pupilId: string; onUploaded: () => void }) {
  const styles = useStyles();
  const form = useFormStyles();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<DocumentType>('support_plan');
  const [reviewDate, setReviewDate] = useState('');
  const [makeCurrent, setMakeCurrent] = useState(true);
  const [sent, setSent] = useState<number | null>(null);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    // Said here, before a large file is sent only to be refused.
    const early = !file
      ? 'choose a file'
      : file.size === 0
        ? 'is empty: choose the saved document'
        : file.size > MAX_DOCUMENT_BYTES
          ? 'is over 100 MB'
          : null;
    if (early || !file) return setProblems({ byField: { file: early ?? 'choose a file' }, general: null });
    setProblems(NO_PROBLEMS);
    setSent(0);
    try {
      const { document: stored, reviewItemId } = await api.upload(
        pupilId,
        { file, type, reviewDate: reviewDate || null, makeCurrent },
        setSent,
      );
      const as = stored.status === 'current' ? ` as the current ${DOCUMENT_TYPE_LABELS[stored.type].toLowerCase()}` : '';
      const review = reviewItemId && stored.reviewDate ? ` Its review is on the tracker for ${formatDate(stored.reviewDate)}.` : '';
      setDone(`Added ${stored.name}${as}.${review}`);
      onUploaded();
    } catch (error) {
      setProblems(formProblems(error, ['file', 'name', 'type', 'reviewDate'], 'document'));
    } finally {
      setSent(null);
    }
  }

  return (
    <form className={form.form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="upload-document">
      <h3 id="upload-document">Add a document</h3>
      <div className={form.grid}>
        {/* The file's name is checked too: a bad name is the file's problem, shown here. */}
        <Field label="File" required {...fieldState(problems, problems.byField.file ? 'file' : 'name')}>
          {(props) => <input {...props} type="file" className={styles.file} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field label="Document type" required {...fieldState(problems, 'type')}>
          <Select value={type} onChange={(_, d) => setType(d.value as DocumentType)}>
            <TypeOptions />
          </Select>
        </Field>
        <DateField
          label="Review by"
          hint={dateHint(reviewDate) ?? 'Optional'}
          value={reviewDate}
          onChange={setReviewDate}
          {...fieldState(problems, 'reviewDate')}
        />
      </div>
      <Checkbox
        label={`Make it the current ${DOCUMENT_TYPE_LABELS[type].toLowerCase()} (the one it replaces is kept as superseded)`}
        checked={makeCurrent}
        onChange={(_, d) => setMakeCurrent(d.checked === true)}
      />
      {sent !== null &&
        (sent < 1 ? (
          <Field label="Sending" validationMessage={`${Math.round(sent * 100)}% sent`} validationState="none">
            <ProgressBar value={sent} max={1} />
          </Field>
        ) : (
          // All sent: the server now stores it (in tenant mode, a large file goes to SharePoint in parts).
          <Field label="Saving" validationMessage="Sent: saving it in the pupil’s folder…" validationState="none">
            <ProgressBar />
          </Field>
        ))}
      <FormFooter problem={problems.general} busy={sent !== null} submitLabel="Add document">
        {done && <span role="status">{done}</span>}
      </FormFooter>
    </form>
  );
}

/** One option per document type, by its label. */
function TypeOptions() {
  return DOCUMENT_TYPES.map((t) => (
    <option key={t} value={t}>
      {DOCUMENT_TYPE_LABELS[t]}
    </option>
  ));
}
