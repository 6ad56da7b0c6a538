import { actorSchema, type Actor } from '@/kernel/action';
import { ehcPlanDetailsSchema, type EhcPlan, type EhcPlanDetails } from '@/kernel/ehc-plan';
import { parseInput } from '@/kernel/validate';
import { planConflict, type EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import type { RegisterStoreContext } from './register-store-options';
import { VersionedPupilRecords } from './versioned-pupil-records';

/** EHC plan records in the "SEND EHC Plans" list, every version in "SEND EHC Plan Versions". */
export class SharePointEhcPlanRepository implements EhcPlanRepository {
  private readonly now: () => Date;
  private readonly records: VersionedPupilRecords<EhcPlan>;

  constructor(context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
    this.records = new VersionedPupilRecords(context, {
      current: 'ehcPlans',
      versions: 'ehcPlanVersions',
      what: 'EHC plan record',
      conflict: planConflict,
    });
  }

  get(pupilId: string): Promise<EhcPlan | null> {
    return this.records.get(pupilId);
  }

  list(): Promise<EhcPlan[]> {
    return this.records.list();
  }

  /** @throws ConflictError, ValidationError */
  async save(pupilId: string, expectedVersion: number, input: EhcPlanDetails, actor: Actor): Promise<EhcPlan> {
    const details = parseInput(ehcPlanDetailsSchema, input, 'details');
    const who = parseInput(actorSchema, actor, 'actor');
    return this.records.save(pupilId, expectedVersion, (version) => ({
      pupilId,
      details,
      version,
      updatedBy: who,
      updatedAt: this.now().toISOString(),
    }));
  }

  versions(pupilId: string): Promise<EhcPlan[]> {
    return this.records.versions(pupilId);
  }
}
