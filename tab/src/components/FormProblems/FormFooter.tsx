import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useFormStyles } from './Form.styles';

/**
 * The end of every data-entry form: a problem that belongs to no single field (a 403, a lost
 * connection, a rule across fields), then the submit button and any others the form passes.
 */
export function FormFooter({
  problem,
  busy,
  submitLabel,
  children,
}: {
  problem?: string | null;
  busy: boolean;
  submitLabel: string;
  children?: ReactNode;
}) {
  const styles = useFormStyles();
  return (
    <>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {submitLabel}
        </Button>
        {children}
      </div>
    </>
  );
}
