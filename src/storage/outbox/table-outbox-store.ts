import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import type { OutboxEntry, OutboxState, OutboxStore, OutboxWrite } from './outbox-store';

/**
 * A binary property holds at most 64 KiB and an entity 1 MiB: a write's JSON is kept as UTF-8 bytes
 * in chunks below that. Bytes rather than strings: no character can be cut in two on the way.
 */
const CHUNK = 60_000;
const MAX_CHUNKS = 16;
const WRITES = 'write';
const LEASE = { partitionKey: 'lease', rowKey: 'replay' } as const;

interface WriteEntity {
  kind: string;
  /** The action the write changes; '' for a create (Table Storage keeps no nulls). */
  target: string;
  state: OutboxState;
  attempts: number;
  lastError: string;
  createdAt: string;
  updatedAt: string;
  chunks: number;
  [payload: `payload${number}`]: Uint8Array;
}

interface LeaseEntity {
  holder: string;
  until: string;
}

/** The status of a failed Table Storage call (RestError), or undefined. */
const statusOf = (error: unknown) => (error as { statusCode?: number })?.statusCode;

/**
 * The outbox in Azure Table Storage, shared by every instance of the web app: a write one instance
 * queued during a SharePoint outage is replayed by whichever instance holds the replay lease, not
 * only by the one that queued it, and nothing sits on App Service's shared file system (where
 * SQLite's locking is not safe). One partition of writes, each keyed so keys sort in queue order
 * (time, then this instance's counter); a write to an item with a pending write is keyed after it.
 * The lease is one entity changed only with its ETag, so two instances cannot both win it.
 * Docs: https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model
 */
export class TableOutboxStore implements OutboxStore {
  private counter = 0;
  private created: Promise<void> | null = null;

  /** `createTable`: make the table on first use (the emulator, a developer's account); infra/azure.bicep provisions it in Azure. */
  constructor(
    private readonly table: TableClient,
    private readonly now: () => Date = () => new Date(),
    private readonly options: { createTable?: boolean } = {},
  ) {}

  /** Resolves once the table exists; a failed creation is tried again on the next call. */
  private ready(): Promise<void> {
    if (!this.options.createTable) return Promise.resolve();
    this.created ??= this.table.createTable().catch((error: unknown) => {
      this.created = null;
      throw error;
    });
    return this.created;
  }

  async add(write: OutboxWrite, error: string): Promise<string> {
    await this.ready();
    const target = write.kind === 'createMany' ? '' : write.id;
    const behind = target ? (await this.entities(odata`state eq 'pending' and target eq ${target}`)).at(-1)?.rowKey : undefined;
    const at = this.now();
    const fresh = `${String(at.getTime()).padStart(15, '0')}-${String(this.counter++ % 1e6).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;
    // Clocks of two instances differ a little: a key after the item's last pending one keeps its order.
    const rowKey = behind !== undefined && fresh <= behind ? `${behind}+` : fresh;
    const json = Buffer.from(JSON.stringify(write), 'utf8');
    const chunks = Math.ceil(json.length / CHUNK);
    if (chunks > MAX_CHUNKS) throw new RangeError('This change is too large to keep for later; save fewer actions at once.');
    const payload = Object.fromEntries(
      Array.from({ length: chunks }, (_, i) => [`payload${i}`, json.subarray(i * CHUNK, (i + 1) * CHUNK)]),
    );
    const iso = at.toISOString();
    await this.table.createEntity<TableEntity<WriteEntity>>({
      partitionKey: WRITES,
      rowKey,
      kind: write.kind,
      target,
      state: 'pending',
      attempts: 1,
      lastError: error,
      createdAt: iso,
      updatedAt: iso,
      chunks,
      ...payload,
    });
    return rowKey;
  }

  async pending(): Promise<OutboxEntry[]> {
    return this.list('pending');
  }

  async pendingCount(): Promise<number> {
    await this.ready();
    return (await this.entities(odata`state eq 'pending'`, ['RowKey'])).length;
  }

  async hasPendingFor(id: string): Promise<boolean> {
    await this.ready();
    const first = await this.table
      .listEntities({
        queryOptions: { filter: `PartitionKey eq '${WRITES}' and ${odata`state eq 'pending' and target eq ${id}`}`, select: ['RowKey'] },
      })
      .byPage({ maxPageSize: 1 })
      .next();
    return !first.done && first.value.length > 0;
  }

  async list(state?: OutboxState): Promise<OutboxEntry[]> {
    await this.ready();
    const entities = await this.entities(state ? odata`state eq ${state}` : null);
    return entities.map(toEntry);
  }

  async settle(id: string, state: OutboxState, error: string | null): Promise<void> {
    // Only the lease holder settles, so reading the attempts and writing them back races nobody.
    const entity = await this.table.getEntity<WriteEntity>(WRITES, id);
    await this.table.updateEntity(
      {
        partitionKey: WRITES,
        rowKey: id,
        state,
        attempts: entity.attempts + 1,
        lastError: error ?? '',
        updatedAt: this.now().toISOString(),
      },
      'Merge',
      { etag: entity.etag },
    );
  }

  async claimReplay(holder: string, leaseMs: number): Promise<boolean> {
    await this.ready();
    const now = this.now();
    const lease = { ...LEASE, holder, until: new Date(now.getTime() + leaseMs).toISOString() };
    try {
      const current = await this.table.getEntity<LeaseEntity>(LEASE.partitionKey, LEASE.rowKey).catch((error: unknown) => {
        if (statusOf(error) === 404) return null;
        throw error;
      });
      if (!current) await this.table.createEntity(lease);
      else if (current.holder === holder || current.until <= now.toISOString())
        await this.table.updateEntity(lease, 'Replace', { etag: current.etag });
      else return false;
      return true;
    } catch (error) {
      // 409: another instance created the lease first; 412: it changed the lease since we read it.
      if (statusOf(error) === 409 || statusOf(error) === 412) return false;
      throw error;
    }
  }

  /** Every write entity matching `filter` (all pages), in key order: queue order. */
  private async entities(filter: string | null, select?: string[]): Promise<TableEntityResult<WriteEntity>[]> {
    const where = `PartitionKey eq '${WRITES}'${filter ? ` and ${filter}` : ''}`;
    const found: TableEntityResult<WriteEntity>[] = [];
    for await (const entity of this.table.listEntities<WriteEntity>({ queryOptions: { filter: where, ...(select ? { select } : {}) } })) {
      found.push(entity);
    }
    return found;
  }
}

function toEntry(entity: TableEntityResult<WriteEntity>): OutboxEntry {
  const json = Buffer.concat(Array.from({ length: entity.chunks }, (_, i) => entity[`payload${i}`]!)).toString('utf8');
  return {
    id: entity.rowKey!,
    write: JSON.parse(json) as OutboxWrite,
    state: entity.state,
    attempts: entity.attempts,
    lastError: entity.lastError || null,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
