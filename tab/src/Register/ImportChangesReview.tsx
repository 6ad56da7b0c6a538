import { Button, Checkbox, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ImportChanges } from '@/api-types';
import { useRegisterStyles } from './Register.styles';

const pupils = (n: number) => `${n} ${n === 1 ? 'pupil' : 'pupils'}`;

/**
 * What the import will change, shown before anything is stored. Pupils on roll that the file leaves
 * out are listed, and marked as left only if the person ticks the box that names their count: a
 * partial file (a class, the SEN pupils only) must never take the rest of the school off roll.
 */
export function ImportChangesReview({
  changes,
  rowCount,
  busy,
  onImport,
}: {
  changes: ImportChanges;
  rowCount: number;
  busy: boolean;
  onImport: (markLeft: number | undefined) => void;
}) {
  const styles = useRegisterStyles();
  const [markLeft, setMarkLeft] = useState(false);
  const { count, pupils: named } = changes.notInFile;
  return (
    <section className={styles.section} aria-labelledby="import-changes">
      <h3 id="import-changes">What this import will change</h3>
      <Text>
        {changes.created} new, {changes.updated} updated, {changes.unchanged} unchanged.
      </Text>
      {count > 0 && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>
              {pupils(count)} on the register {count === 1 ? 'is' : 'are'} not in this file. If the file is not the whole roll, leave them
              as they are.
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.missing} tabIndex={0} aria-label={`Pupils not in this file (${count})`}>
            {named.map((p, i) => (
              <li key={i}>
                {p.name} ({p.year})
              </li>
            ))}
            {count > named.length && <li>and {count - named.length} more</li>}
          </ul>
          <Checkbox
            checked={markLeft}
            onChange={(_, d) => setMarkLeft(d.checked === true)}
            label={`These ${pupils(count)} have left the school: mark them as left (their records are kept)`}
          />
        </>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => onImport(markLeft ? count : undefined)}>
        Import {pupils(rowCount)}
        {markLeft ? ` and mark ${count} as left` : ''}
      </Button>
    </section>
  );
}
