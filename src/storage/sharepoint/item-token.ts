import type { GraphListItem } from './graph-shapes';

/** What a compare-and-set write on a list item needs: where it is and the eTag it was read with. */
export interface ItemRef {
  id: string;
  eTag: string;
}

/** The read token the action repository keeps beside each action: the item id, a space, the eTag. */
export const itemTokenOf = (item: Pick<GraphListItem, 'id' | 'eTag'>): string => `${item.id} ${item.eTag}`;

/** The item reference in a read token, or undefined for anything this adapter did not write. */
export function parseItemToken(token: string | undefined): ItemRef | undefined {
  const match = token ? /^(\S+) (\S.*)$/.exec(token) : null;
  return match ? { id: match[1]!, eTag: match[2]! } : undefined;
}
