import { useState } from 'react';
import type { Action } from '@/kernel/action';
import { ApiError, friendlyMessage } from '@tab/api/api-error';
import { useApp } from '@tab/app-context';

export interface Notice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

/**
 * Runs a change; `showProblems` may take a refusal and show it on its own form (beside the fields),
 * returning true, instead of the panel's notice.
 */
export type ItemChangeRunner = (
  change: (current: Action) => Promise<Action>,
  success: string,
  showProblems?: (error: unknown) => boolean,
) => Promise<boolean>;

export const CONFLICT_NOTICE = 'Someone else changed this item — reloaded. Check it and make your change again.';

/**
 * Runs one change against the API with the item's current version. A 409 means someone else saved
 * first: the item is reloaded and shown, and nothing of theirs is overwritten.
 */
export function useItemChanges(initial: Action, onChanged: () => void) {
  const { api } = useApp();
  const [action, setAction] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run: ItemChangeRunner = async (change, success, showProblems) => {
    setBusy(true);
    setNotice(null);
    try {
      setAction(await change(action));
      setNotice({ intent: 'success', text: success });
      onChanged();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        try {
          setAction(await api.getAction(action.id));
          setNotice({ intent: 'warning', text: CONFLICT_NOTICE });
          onChanged();
        } catch (reloadError) {
          setNotice({ intent: 'error', text: friendlyMessage(reloadError) });
        }
      } else if (!showProblems?.(error)) {
        setNotice({ intent: 'error', text: friendlyMessage(error) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { action, busy, notice, run };
}
