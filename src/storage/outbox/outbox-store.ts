import type { ActionPatch, Actor, CloseAction, NewActionInput } from '@/kernel/action';

/** One store write, as the caller asked for it: enough to send it again later. */
export type OutboxWrite =
  | { kind: 'createMany'; inputs: NewActionInput[]; actor: Actor }
  | { kind: 'update'; id: string; expectedVersion: number; patch: ActionPatch; actor: Actor }
  | { kind: 'close'; id: string; expectedVersion: number; close: CloseAction; actor: Actor }
  | { kind: 'reopen'; id: string; expectedVersion: number; note: string; actor: Actor };

/**
 * - `pending`: waiting to be sent;
 * - `sent`: reached the store;
 * - `conflict`: the item changed meanwhile; kept for a person to look at, never forced through;
 * - `failed`: the store refused it for good (validation, not found); kept for a person too.
 */
export type OutboxState = 'pending' | 'sent' | 'conflict' | 'failed';

export interface OutboxEntry {
  /** Sorts in replay order (as text): oldest first. */
  id: string;
  write: OutboxWrite;
  state: OutboxState;
  attempts: number;
  /** The error id (`conflict`, `not_found`, …) or a transient error's message; never record content. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where writes that could not reach SharePoint wait, durably. Two adapters with one contract suite
 * (tests/contract/outbox-store.contract.ts): a table in a local SQLite file (one instance, local disk)
 * and Azure Table Storage (every instance of a scaled-out web app shares one outbox). Entries are
 * never deleted: a sent or refused write stays as the record of what happened.
 */
export interface OutboxStore {
  /** Records `write` as pending, after every pending write already queued for the same item, and returns its id. */
  add(write: OutboxWrite, error: string): Promise<string>;
  /** Pending entries, oldest first. */
  pending(): Promise<OutboxEntry[]>;
  /** How many writes are waiting to reach the store: what /api/health reports as the outbox depth. */
  pendingCount(): Promise<number>;
  /** True while an earlier write to action `id` is still waiting: later writes must queue behind it. */
  hasPendingFor(id: string): Promise<boolean>;
  /** Every entry in `state` (all when omitted), oldest first: for a person reviewing conflicts. */
  list(state?: OutboxState): Promise<OutboxEntry[]>;
  /** Moves entry `id` to `state` after one more attempt. */
  settle(id: string, state: OutboxState, error: string | null): Promise<void>;
  /**
   * Lets `holder` replay for `leaseMs`, or says another instance is replaying: replaying one outbox
   * from two instances at once would send a write twice (the second then reads as a conflict).
   * The holder renews by claiming again; a crashed holder's lease runs out.
   */
  claimReplay(holder: string, leaseMs: number): Promise<boolean>;
}
