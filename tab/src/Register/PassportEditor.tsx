import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { PASSPORT_HEADINGS, type PassportContent } from '@/kernel/passport';
import { useRegisterStyles } from './Register.styles';

export interface PassportEditorProps {
  initial: PassportContent;
  /** Saves with the version the editor started from (PUT /api/register/pupils/:id/passport). */
  onSave: (content: PassportContent) => Promise<void>;
  /** Link for "Download (Word)": GET /api/register/pupils/:id/passport.docx, fetched with the SSO token. */
  onDownload: () => void;
  /** "Save to the pupil's documents": the Word file, kept in their folder as the current profile. */
  onSaveToDocuments: () => void;
}

/** Edit a one-page profile: three free-text sections and one strategy per line for "how best to support me". */
export function PassportEditor({ initial, onSave, onDownload, onSaveToDocuments }: PassportEditorProps) {
  const styles = useRegisterStyles();
  const [content, setContent] = useState(initial);
  const [saving, setSaving] = useState(false);
  const text = (key: 'likeAndAdmire' | 'importantToMe' | 'communication') => (
    <Field label={PASSPORT_HEADINGS[key]}>
      <Textarea value={content[key]} maxLength={2000} onChange={(_, d) => setContent({ ...content, [key]: d.value })} />
    </Field>
  );
  return (
    <form
      className={styles.section}
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void onSave({ ...content, howToSupport: content.howToSupport.map((s) => s.trim()).filter(Boolean) }).finally(() =>
          setSaving(false),
        );
      }}
    >
      {text('likeAndAdmire')}
      {text('importantToMe')}
      <Field label={`${PASSPORT_HEADINGS.howToSupport} (one per line)`}>
        <Textarea
          value={content.howToSupport.join('\n')}
          onChange={(_, d) => setContent({ ...content, howToSupport: d.value.split('\n') })}
        />
      </Field>
      {text('communication')}
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          Save profile
        </Button>{' '}
        <Button onClick={onDownload}>Download (Word)</Button> <Button onClick={onSaveToDocuments}>Save to the pupil’s documents</Button>
      </div>
    </form>
  );
}
