import type Database from 'better-sqlite3';
import { actorSchema, type Actor } from '@/kernel/action';
import { ehcPlanDetailsSchema, type EhcPlan, type EhcPlanDetails } from '@/kernel/ehc-plan';
import { parseInput } from '@/kernel/validate';
import { planConflict, type EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import { VersionedPupilRows } from './versioned-pupil-rows';

/** EHC plan records in the embedded SQLite file: the current one per pupil, and every saved version beside it (never deleted). */
export class SqliteEhcPlanRepository implements EhcPlanRepository {
  private readonly rows: VersionedPupilRows<EhcPlan>;

  constructor(
    db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = new VersionedPupilRows(db, 'ehc_plans', 'ehc_plan_versions', planConflict);
  }

  async get(pupilId: string): Promise<EhcPlan | null> {
    return this.rows.get(pupilId);
  }

  async list(): Promise<EhcPlan[]> {
    return this.rows.list();
  }

  async versions(pupilId: string): Promise<EhcPlan[]> {
    return this.rows.versions(pupilId);
  }

  async save(pupilId: string, expectedVersion: number, input: EhcPlanDetails, actor: Actor): Promise<EhcPlan> {
    const details = parseInput(ehcPlanDetailsSchema, input, 'details');
    const who = parseInput(actorSchema, actor, 'actor');
    return this.rows.save(pupilId, expectedVersion, (version) => ({
      pupilId,
      details,
      version,
      updatedBy: who,
      updatedAt: this.now().toISOString(),
    }));
  }
}
