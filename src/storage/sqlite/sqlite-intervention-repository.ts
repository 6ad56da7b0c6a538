import type Database from 'better-sqlite3';
import { actorSchema, type Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { NotFoundError } from '@/kernel/errors';
import { measureSchema, newInterventionSchema, type Intervention, type Measure, type NewInterventionInput } from '@/kernel/intervention';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import { interventionRecord, withMeasure } from '@/kernel/intervention-record';
import { whenUnlocked } from './open-database';

interface DataRow {
  data: string;
}

/** Interventions in the embedded SQLite file: indexed pupil and name, the record as JSON. */
export class SqliteInterventionRepository implements InterventionRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: NewInterventionInput, actor: Actor): Promise<Intervention> {
    const valid = parseInput(newInterventionSchema, input);
    const who = parseInput(actorSchema, actor, 'actor');
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() => {
          if (valid.idempotencyKey) {
            const existing = this.db
              .prepare<[string], DataRow>('SELECT data FROM interventions WHERE idempotency_key = ?')
              .get(valid.idempotencyKey);
            if (existing) return JSON.parse(existing.data) as Intervention;
          }
          const at = this.now().toISOString();
          const intervention = interventionRecord(valid, who, at);
          this.db
            .prepare(
              'INSERT INTO interventions (id, pupil_id, name, start_date, version, idempotency_key, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(
              intervention.id,
              intervention.pupilId,
              intervention.name,
              intervention.startDate,
              1,
              valid.idempotencyKey ?? null,
              JSON.stringify(intervention),
            );
          return intervention;
        })
        .immediate(),
    );
  }

  async get(id: string): Promise<Intervention> {
    return this.read(id);
  }

  async list({ pupilId }: { pupilId?: string } = {}): Promise<Intervention[]> {
    const rows = pupilId
      ? this.db.prepare<[string], DataRow>('SELECT data FROM interventions WHERE pupil_id = ? ORDER BY start_date, id').all(pupilId)
      : this.db.prepare<[], DataRow>('SELECT data FROM interventions ORDER BY start_date, id').all();
    return rows.map((r) => JSON.parse(r.data) as Intervention);
  }

  async addMeasure(id: string, input: Measure, actor: Actor): Promise<Intervention> {
    const measure = parseInput(measureSchema, input, 'measure');
    parseInput(actorSchema, actor, 'actor');
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() => {
          const current = this.read(id);
          const next = withMeasure(current, measure, this.now().toISOString());
          this.db
            .prepare('UPDATE interventions SET version = ?, data = ? WHERE id = ? AND version = ?')
            .run(next.version, JSON.stringify(next), id, current.version);
          return next;
        })
        .immediate(),
    );
  }

  private read(id: string): Intervention {
    const row = this.db.prepare<[string], DataRow>('SELECT data FROM interventions WHERE id = ?').get(id);
    if (!row) throw new NotFoundError(`No intervention with id ${id}`);
    return JSON.parse(row.data) as Intervention;
  }
}
