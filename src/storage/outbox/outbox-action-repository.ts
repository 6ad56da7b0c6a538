import type { ActionPage, ActionPageQueryInput, CheckInPages } from '@/kernel/action-page';
import type { ActionFacets } from '@/kernel/action-facets';
import type { CheckInPolicy } from '@/kernel/check-in';
import type { IsoDate } from '@/kernel/dates';
import { randomUUID } from 'node:crypto';
import type { Action, ActionPatch, ActionQueryInput, Actor, CloseAction, NewActionInput } from '@/kernel/action';
import type { HistoryEntry } from '@/kernel/history';
import { AppError, ConflictError, PendingWriteError, UnavailableError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { ActionRepository, ChangeFeed } from '@/kernel/ports/action-repository';
import { isTransient } from './is-transient';
import type { OutboxStore, OutboxWrite } from './outbox-store';

/** How many items' last reads an instance keeps for outages (a school's open items, with room). */
const LAST_READ_LIMIT = 5_000;

/** What one `replay()` did. */
export interface ReplayReport {
  sent: number;
  conflicts: number;
  failed: number;
  /** Still waiting: the store was unreachable again, so replay stopped to keep the order. */
  pending: number;
}

export interface OutboxOptions {
  logger?: Logger;
  /** This instance's name in the replay lease (default: a random id per process). */
  holder?: string;
  /** How long a replay claim lasts; renewed before each write (default 60 s, twice the replay interval). */
  leaseMs?: number;
}

/**
 * Wraps any ActionRepository (in practice SharePoint) so a write that cannot complete for a
 * transient reason — Graph 429/503/504 or a dropped connection, after the Graph client's own
 * retries — is not lost: it is recorded in the durable local outbox and the caller gets
 * `PendingWriteError` (202, "waiting to reach SharePoint"). `replay()` sends pending writes in order.
 *
 * Replay is safe because every outboxed create carries an idempotency key (one is given before the
 * first attempt, so a create that landed despite a timeout is not duplicated) and every update
 * carries the version it was based on: a ConflictError on replay is recorded as `conflict` for a
 * person, never forced through. Reads pass straight through.
 */
export class OutboxActionRepository implements ActionRepository {
  private replaying: Promise<ReplayReport> | null = null;
  private readonly lastRead = new Map<string, Action>();
  private readonly holder: string;

  constructor(
    private readonly inner: ActionRepository,
    private readonly outbox: OutboxStore,
    private readonly options: OutboxOptions = {},
  ) {
    this.holder = options.holder ?? randomUUID();
  }

  createMany(inputs: NewActionInput[], actor: Actor): Promise<Action[]> {
    const batch = randomUUID();
    const keyed = inputs.map((input, i) => (input.idempotencyKey ? input : { ...input, idempotencyKey: `outbox:${batch}#${i}` }));
    return this.attempt({ kind: 'createMany', inputs: keyed, actor }, () => this.inner.createMany(keyed, actor));
  }

  update(id: string, expectedVersion: number, patch: ActionPatch, actor: Actor): Promise<Action> {
    return this.change({ kind: 'update', id, expectedVersion, patch, actor }, () => this.inner.update(id, expectedVersion, patch, actor));
  }

  close(id: string, expectedVersion: number, close: CloseAction, actor: Actor): Promise<Action> {
    return this.change({ kind: 'close', id, expectedVersion, close, actor }, () => this.inner.close(id, expectedVersion, close, actor));
  }

  reopen(id: string, expectedVersion: number, note: string, actor: Actor): Promise<Action> {
    return this.change({ kind: 'reopen', id, expectedVersion, note, actor }, () => this.inner.reopen(id, expectedVersion, note, actor));
  }

  /**
   * Reads through to the store, remembering what it read; while the store cannot be reached, the last
   * copy this instance read stands in, so a change made during an outage can still be checked against
   * the access rule and queued (its expected version guards the replay). @throws UnavailableError
   * when the store cannot be reached and this instance never read the item.
   */
  async get(id: string): Promise<Action> {
    try {
      return this.remember(await this.inner.get(id));
    } catch (error) {
      const known = this.lastRead.get(id);
      if (!isTransient(error)) throw error;
      if (known) return known;
      throw new UnavailableError('SharePoint cannot be reached right now, so nothing was changed. Try again in a minute.', 30);
    }
  }

  async query(query?: ActionQueryInput): Promise<Action[]> {
    const actions = await this.inner.query(query);
    for (const action of actions) this.remember(action);
    return actions;
  }

  async page(query: ActionPageQueryInput): Promise<ActionPage> {
    const page = await this.inner.page(query);
    for (const action of page.items) this.remember(action);
    return page;
  }

  checkIn(today: IsoDate, policy: CheckInPolicy, limit: number): Promise<CheckInPages> {
    return this.inner.checkIn(today, policy, limit);
  }

  facets(query: ActionPageQueryInput): Promise<ActionFacets> {
    return this.inner.facets(query);
  }

  changesSince(cursor: string | null): Promise<ChangeFeed> {
    return this.inner.changesSince(cursor);
  }

  /** A change to one item: kept in the outbox if the store cannot take it now; its result is remembered as the item's last read. */
  private async change(write: OutboxWrite, run: () => Promise<Action>): Promise<Action> {
    return this.remember(await this.attempt(write, run));
  }

  /** Keeps the newest read of each item, the most recent LAST_READ_LIMIT items. */
  private remember(action: Action): Action {
    this.lastRead.delete(action.id);
    this.lastRead.set(action.id, action);
    if (this.lastRead.size > LAST_READ_LIMIT) this.lastRead.delete(this.lastRead.keys().next().value!);
    return action;
  }

  history(id: string): Promise<HistoryEntry[]> {
    return this.inner.history(id);
  }

  /** Writes waiting to reach SharePoint (the outbox depth). */
  pendingCount(): Promise<number> {
    return this.outbox.pendingCount();
  }

  /**
   * Sends every pending write, oldest first. Stops at the first transient failure (the rest stay
   * pending, in order). Concurrent calls share one run; while another instance holds the replay lease
   * this one sends nothing (and reports what is pending). Never throws for a refused write: conflicts
   * and permanent refusals are recorded on the entry.
   */
  replay(): Promise<ReplayReport> {
    this.replaying ??= this.replayAll().finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  private async replayAll(): Promise<ReplayReport> {
    const report: ReplayReport = { sent: 0, conflicts: 0, failed: 0, pending: 0 };
    const entries = await this.outbox.pending();
    for (const [index, entry] of entries.entries()) {
      if (!(await this.outbox.claimReplay(this.holder, this.options.leaseMs ?? 60_000))) {
        report.pending = entries.length - index; // another instance is replaying them
        break;
      }
      try {
        await this.send(entry.write);
        await this.outbox.settle(entry.id, 'sent', null);
        report.sent++;
      } catch (error) {
        if (isTransient(error)) {
          await this.outbox.settle(entry.id, 'pending', describe(error));
          report.pending = entries.length - index;
          break;
        }
        const state = error instanceof ConflictError ? 'conflict' : 'failed';
        await this.outbox.settle(entry.id, state, error instanceof AppError ? error.id : describe(error));
        if (state === 'conflict') report.conflicts++;
        else report.failed++;
        this.options.logger?.warn({ entry: entry.id, kind: entry.write.kind, state }, 'outbox write refused on replay; kept for review');
      }
    }
    if (entries.length > 0) this.options.logger?.info({ ...report }, 'outbox replayed');
    return report;
  }

  private send(write: OutboxWrite): Promise<unknown> {
    switch (write.kind) {
      case 'createMany':
        return this.inner.createMany(write.inputs, write.actor);
      case 'update':
        return this.inner.update(write.id, write.expectedVersion, write.patch, write.actor);
      case 'close':
        return this.inner.close(write.id, write.expectedVersion, write.close, write.actor);
      case 'reopen':
        return this.inner.reopen(write.id, write.expectedVersion, write.note, write.actor);
    }
  }

  private async attempt<T>(write: OutboxWrite, run: () => Promise<T>): Promise<T> {
    // An earlier write to this item is still queued: going round it would reorder the item's changes.
    if (write.kind !== 'createMany' && (await this.outbox.hasPendingFor(write.id))) {
      throw new PendingWriteError(await this.outbox.add(write, 'queued behind an earlier pending write'));
    }
    try {
      return await run();
    } catch (error) {
      if (!isTransient(error)) throw error;
      const entry = await this.outbox.add(write, describe(error));
      this.options.logger?.warn({ entry, kind: write.kind, reason: describe(error) }, 'store write kept in the outbox');
      throw new PendingWriteError(entry);
    }
  }
}

/** A short, content-free description of a transient failure (status code or socket error code). */
function describe(error: unknown): string {
  const e = error as { statusCode?: unknown; code?: unknown; name?: unknown; cause?: { code?: unknown } };
  if (typeof e?.statusCode === 'number') return `HTTP ${e.statusCode}`;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return typeof e?.name === 'string' ? e.name : 'unknown';
}
