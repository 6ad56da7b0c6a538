import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Ref } from 'react';
import { ApiError, friendlyMessage } from '@tab/api/api-error';

/**
 * Why a file was refused, in full: each refused value with its row, column and reason, or what the
 * file is and how to export it instead. A 409 from the import carries the server's own words (the
 * register changed since the check), not the tracker's "someone else changed this item".
 */
export function ImportError({ error, ref }: { error: unknown; ref: Ref<HTMLDivElement> }) {
  const problems = error instanceof ApiError && error.status === 400 ? error.problems : [];
  const plain = error instanceof ApiError && error.status === 409 ? error.message : friendlyMessage(error);
  return (
    <MessageBar ref={ref} intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {problems.length === 0 ? (
          plain
        ) : (
          <>
            <MessageBarTitle>Nothing was imported.</MessageBarTitle>
            <ul aria-label="Problems in the file">
              {problems.map((p, i) => (
                <li key={i}>{p.path === 'file' ? p.message : `${p.path}: ${p.message}`}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
