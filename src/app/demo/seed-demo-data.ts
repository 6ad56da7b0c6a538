import { londonDate } from '@/kernel/dates';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { DEMO_CLOSED, demoActions } from './demo-actions';
import { DEMO_STAFF } from './school';

/** Seeds the demo school's actions into an empty store. Returns how many were added (0 if not empty). */
export async function seedDemoData(repo: ActionRepository, now: Date): Promise<number> {
  const existing = await repo.query({ includeArchived: true });
  if (existing.length > 0) return 0;
  const saved = await repo.createMany(demoActions(londonDate(now)), DEMO_STAFF.senco);
  for (const [index, note] of Object.entries(DEMO_CLOSED)) {
    const action = saved[Number(index)];
    if (action) await repo.close(action.id, action.version, { status: 'done', note }, action.owner);
  }
  return saved.length;
}
