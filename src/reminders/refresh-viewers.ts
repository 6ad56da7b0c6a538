import type { Card } from '@/kernel/ports/reminder-sender';

/** Teams' limit on `refresh.userIds`: the card refreshes by itself for at most this many people. */
export const MAX_REFRESH_USERS = 60;

/** A Teams user id ("29:1abc…"), the only kind `refresh.userIds` takes: Entra object ids never refresh anything. */
const TEAMS_USER_ID = /^29:[^\s]{1,200}$/;

/**
 * The card with `refresh.userIds` set to the Teams user ids of the people it is for, as Teams' User
 * Specific Views docs ask (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views):
 * user MRIs, at most 60. With none known the refresh is taken off: a refresh for everyone in the
 * chat would show the other members a refusal instead of the card.
 */
export function withRefreshFor(card: Card, teamsUserIds: readonly (string | null | undefined)[]): Card {
  const refresh = card.refresh as { action: unknown } | undefined;
  if (!refresh) return card;
  const userIds = [...new Set(teamsUserIds.filter((id): id is string => typeof id === 'string' && TEAMS_USER_ID.test(id)))].slice(
    0,
    MAX_REFRESH_USERS,
  );
  const { refresh: _dropped, ...rest } = card;
  return userIds.length > 0 ? { ...rest, refresh: { action: refresh.action, userIds } } : rest;
}
