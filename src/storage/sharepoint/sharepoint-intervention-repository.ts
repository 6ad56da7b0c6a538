import { GraphError } from '@microsoft/microsoft-graph-client';
import { actorSchema, type Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { ConflictError, NotFoundError } from '@/kernel/errors';
import { measureSchema, newInterventionSchema, type Intervention, type Measure, type NewInterventionInput } from '@/kernel/intervention';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import { interventionRecord, withMeasure } from '@/kernel/intervention-record';
import { idempotencyDigest, odataString } from './action-fields';
import { findItemByKey } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';
import { graphFailure, jsonColumn, lookupTarget, type RegisterStoreContext } from './register-store-options';

/** Times a measure is re-applied when another writer changed the intervention between read and write. */
const MAX_WRITE_ATTEMPTS = 3;

function interventionFields(i: Intervention, idempotencyKey?: string): Record<string, unknown> {
  return {
    Title: i.id,
    InterventionId: i.id,
    PupilId: i.pupilId,
    ...(idempotencyKey ? { IdempotencyKey: idempotencyDigest(idempotencyKey) } : {}),
    Version: i.version,
    Data: JSON.stringify(i),
  };
}

const byStart = (a: Intervention, b: Intervention) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Interventions in the "SEND Interventions" list: `InterventionId` unique, `PupilId` and the
 * idempotency digest indexed, the record as JSON. A measure is a read and a PATCH with `If-Match`;
 * if another writer got in between (412) the measure is applied again to the fresh record, so no
 * measure is lost, as in SQLite's transaction.
 */
export class SharePointInterventionRepository implements InterventionRepository {
  private readonly now: () => Date;

  constructor(private readonly context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
  }

  /** @throws ValidationError */
  async create(input: NewInterventionInput, actor: Actor): Promise<Intervention> {
    const valid = parseInput(newInterventionSchema, input);
    const who = parseInput(actorSchema, actor, 'actor');
    const { interventions } = await this.context.lists.paths();
    if (valid.idempotencyKey) {
      const existing = await findItemByKey(
        lookupTarget(this.context, interventions),
        'IdempotencyKey',
        idempotencyDigest(valid.idempotencyKey),
      );
      if (existing) return jsonColumn<Intervention>(existing, 'intervention');
    }
    const at = this.now().toISOString();
    const intervention = interventionRecord(valid, who, at);
    try {
      await this.context.client.api(`${interventions}/items`).post({ fields: interventionFields(intervention, valid.idempotencyKey) });
    } catch (error) {
      throw graphFailure(error, 'save the intervention');
    }
    return intervention;
  }

  /** @throws NotFoundError */
  async get(id: string): Promise<Intervention> {
    return jsonColumn<Intervention>(await this.readItem(id), 'intervention');
  }

  async list({ pupilId }: { pupilId?: string } = {}): Promise<Intervention[]> {
    const { interventions } = await this.context.lists.paths();
    const target = lookupTarget(this.context, interventions);
    const filter = pupilId === undefined ? '' : `&$filter=${encodeURIComponent(`fields/PupilId eq ${odataString(pupilId)}`)}`;
    const items = await getAllPages(
      this.context.client,
      `${interventions}/items?expand=fields&$top=${target.pageSize}${filter}`,
      this.context.root,
      itemPageSchema,
    );
    return items.map((item) => jsonColumn<Intervention>(item, 'intervention')).sort(byStart);
  }

  /** @throws NotFoundError, ValidationError; ConflictError if the record keeps changing under us. */
  async addMeasure(id: string, input: Measure, actor: Actor): Promise<Intervention> {
    const measure = parseInput(measureSchema, input, 'measure');
    parseInput(actorSchema, actor, 'actor');
    const { interventions } = await this.context.lists.paths();
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const item = await this.readItem(id);
      const current = jsonColumn<Intervention>(item, 'intervention');
      const next = withMeasure(current, measure, this.now().toISOString());
      try {
        await this.context.client
          .api(`${interventions}/items/${item.id}/fields`)
          .header('If-Match', item.eTag)
          .patch({ Version: next.version, Data: JSON.stringify(next) });
        return next;
      } catch (error) {
        if (!(error instanceof GraphError && error.statusCode === 412)) throw graphFailure(error, 'save the measure');
      }
    }
    throw new ConflictError('This intervention keeps being changed by someone else. Reload and try again.');
  }

  private async readItem(id: string): Promise<GraphListItem> {
    const { interventions } = await this.context.lists.paths();
    const item = await findItemByKey(lookupTarget(this.context, interventions), 'InterventionId', id);
    if (!item) throw new NotFoundError(`No intervention with id ${id}`);
    return item;
  }
}
