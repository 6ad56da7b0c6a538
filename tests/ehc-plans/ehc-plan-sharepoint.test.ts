import { planView, saveEhcPlan } from '@/ehc-plans/ehc-plan-commands';
import { readStatutoryDeadlines } from '@/ehc-plans/statutory-deadlines-route';
import { useStandInSites } from '@tests/graph-stand-in/provisioned-site';
import { generatePrimaryRegister } from '@tests/register/generate-register';
import { senco, sencoActor } from '@tests/support/factories';
import { ISSUED_PLAN } from './support';

const newSite = useStandInSites();
const viewer = { ...sencoActor, sendTeam: true };
const today = '2026-11-20';

describe('EHC plans in tenant mode (SharePoint Lists via the Graph stand-in)', () => {
  it('saves a plan and its four steps, moves them, and reads the check-in, each in a handful of Graph requests', async () => {
    const site = await newSite();
    const stores = site.registerStores();
    const deps = { ...stores, plans: stores.ehcPlans, actions: site.repository() };
    await stores.register.upsertMany(generatePrimaryRegister(30), { fullRoll: true, by: sencoActor });
    await stores.roles.set('senco', senco, sencoActor);
    const pupil = (await stores.register.list()).find((p) => p.senStatus === 'E') ?? (await stores.register.list())[0]!;
    const total = () => Object.values(site.standIn.requestCounts()).reduce((n, c) => n + c, 0);

    site.standIn.resetCounts();
    // As PUT /api/register/pupils/:id/ehc-plan does it: the save, then the reply's view.
    const first = await saveEhcPlan(deps, viewer, pupil.id, 0, ISSUED_PLAN, today);
    await planView(deps, viewer, first.pupil, first.plan, today);
    const firstSave = total();
    site.standIn.resetCounts();
    const moved = await saveEhcPlan(deps, viewer, pupil.id, 1, { ...ISSUED_PLAN, nextReviewDate: '2026-11-19' }, today);
    await planView(deps, viewer, moved.pupil, moved.plan, today);
    const movedSave = total();
    site.standIn.resetCounts();
    const deadlines = await readStatutoryDeadlines(deps.actions, viewer, today);
    const checkIn = total();

    expect(first.sync).toEqual({ created: 4, moved: 0 });
    expect(moved.sync).toEqual({ created: 0, moved: 4 });
    expect(deadlines.missed.map((r) => r.dueDate)).toEqual(['2026-11-05', '2026-11-19']);
    // Outer HTTP requests (a $batch counts once) for all a save does, the reply's view included. The first
    // save: the pupil, the role table, the plan's read, write and version, the pupil's items, one $batch of
    // four creates, the items again for the view, plus each store's one-off list lookup. Moving: the same
    // reads, and each item read twice (the access check, then the compare-and-set) and written in its own
    // $batch (the change and its history entry), through the one command for a change.
    expect({ firstSave, movedSave, checkIn }).toEqual({ firstSave: 11, movedSave: 19, checkIn: 1 });
  });
});
