import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { friendlyMessage } from '@tab/api/api-error';

export interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load or save in plain words (403 and 404 included), with a retry when it makes sense. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Could not load</MessageBarTitle>
        {friendlyMessage(error)}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
