import type { Action, Actor, NewActionInput } from '@/kernel/action';
import { facetsOf } from '@/kernel/action-facets';
import { actionPageQuerySchema, matchesPageQuery, pageOf, type ActionPageQueryInput } from '@/kernel/action-page';
import { checkInBuckets, DEFAULT_CHECK_IN_POLICY } from '@/kernel/check-in';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { assistant, buildNewAction, senco, sencoActor, teacher, teacherActor } from '@tests/support/factories';
import type { RepositoryFactory } from './action-repository.contract';

const today = '2026-04-23'; // a Thursday; the school week ends on Sunday 26 April

/**
 * Paging, for every adapter: the store's page is the kernel's page of the same items (the SQLite store
 * works it out in SQL, so this holds SQL to the in-memory rules), and the check-in agrees with
 * `checkInBuckets`, the rules written plainly.
 */
export function describeActionPagesContract(name: string, makeRepository: RepositoryFactory): void {
  describe(`ActionRepository paging contract: ${name}`, () => {
    let clock: Date;
    let repo: ActionRepository;
    let all: Action[];

    const save = async (inputs: NewActionInput[], actor: Actor) => {
      const saved = await repo.createMany(inputs, actor);
      clock = new Date(clock.getTime() + 60_000);
      return saved;
    };

    beforeAll(async () => {
      clock = new Date('2026-04-01T09:00:00Z');
      repo = await makeRepository(() => clock);
      const zoe = { id: 'pupil-zoe', name: 'Zoë Ålund', yearGroup: 5 };
      const emile = { id: 'pupil-emile', name: 'émile Brook', yearGroup: 3 };
      const dates = ['2026-04-01', '2026-04-10', '2026-04-16', '2026-04-22', '2026-04-23', '2026-04-26', '2026-04-27', '2026-05-20'];
      await save(
        dates.map((dueDate, i) =>
          buildNewAction({ dueDate, description: `Reading plan step ${i + 1}`, owner: i % 2 ? teacher : assistant }),
        ),
        sencoActor,
      );
      await save([buildNewAction({ pupil: zoe, dueDate: '2026-04-23', itemType: 'intervention', owner: senco })], teacherActor);
      await save([buildNewAction({ pupil: emile, dueDate: '2026-04-23', decision: 'Agreed to try a Reading Ruler' })], sencoActor);
      // Waiting: one untouched since 1 April (escalate), one updated yesterday (not yet).
      const [staleWait, freshWait] = await save(
        [buildNewAction({ dueDate: '2026-05-30', status: 'waiting' }), buildNewAction({ dueDate: '2026-06-30' })],
        sencoActor,
      );
      clock = new Date('2026-04-22T10:00:00Z');
      await repo.update(freshWait!.id, 1, { status: 'waiting' }, sencoActor);
      const [closed] = await save([buildNewAction({ dueDate: '2026-04-02', description: 'Closed reading plan' })], sencoActor);
      await repo.close(closed!.id, 1, { status: 'done', note: 'Plan in place' }, sencoActor);
      expect(staleWait).toBeDefined();
      all = await repo.query({ includeArchived: true });
    });

    const pageFrom = (input: ActionPageQueryInput) => pageOf(all, actionPageQuerySchema.parse(input));
    const ids = (items: readonly Action[]) => items.map((a) => a.id);

    const QUERIES: [string, ActionPageQueryInput][] = [
      ['the default: open items by due date', {}],
      ['a small page, further on', { limit: 3, offset: 4 }],
      ['past the end', { offset: 50 }],
      ['the archive', { includeArchived: true, statuses: ['done', 'parked'] }],
      ['everything, newest update first', { includeArchived: true, sort: 'updatedAt', direction: 'desc' }],
      ['by pupil name, accents folded', { sort: 'pupil' }],
      ['by owner, descending', { sort: 'owner', direction: 'desc' }],
      ['by status label', { sort: 'status' }],
      ['by type, one owner', { sort: 'itemType', ownerId: teacher.id }],
      ['a date window', { dueFrom: '2026-04-16', dueTo: '2026-04-26' }],
      ['search, accent- and case-blind', { search: 'ZOE' }],
      ['search in the decision', { search: 'reading ruler' }],
      ['search and a status', { search: 'reading plan', statuses: ['waiting'] }],
      ['what a teacher may see', { visibleTo: teacher.id }],
      ['what a teacher may see, searched', { visibleTo: teacher.id, search: 'step' }],
      ['the overdue list', { bucket: { name: 'overdue', today } }],
      ['due this week', { bucket: { name: 'dueThisWeek', today } }],
      ['waiting', { bucket: { name: 'waiting', today } }],
      ['needs escalation, page of 2', { bucket: { name: 'needsEscalation', today }, limit: 2 }],
      ['needs escalation, by owner', { bucket: { name: 'needsEscalation', today }, sort: 'owner' }],
    ];

    it.each(QUERIES)('gives the same page as the kernel: %s', async (_, input) => {
      const page = await repo.page(input);
      const expected = pageFrom(input);
      expect({ ...page, items: ids(page.items) }).toEqual({ ...expected, items: ids(expected.items) });
    });

    it('counts every match and cuts the page, in a stable order', async () => {
      const open = all.filter((a) => a.status !== 'done');
      const first = await repo.page({ limit: 5 });
      const rest = await repo.page({ limit: 5, offset: 5 });
      expect(first.total).toBe(open.length);
      expect(new Set([...ids(first.items), ...ids(rest.items)]).size).toBe(Math.min(10, open.length));
    });

    it('folds case and accents in search and sort, as staff type names', async () => {
      expect((await repo.page({ search: 'zoe alund' })).items.map((a) => a.pupil.name)).toEqual(['Zoë Ålund']);
      const byPupil = (await repo.page({ sort: 'pupil' })).items.map((a) => a.pupil.name);
      expect(byPupil.indexOf('émile Brook')).toBeLessThan(byPupil.indexOf('J.B.'));
      expect(byPupil.at(-1)).toBe('Zoë Ålund');
    });

    it('shows other staff only what they own or created, and counts only that', async () => {
      const page = await repo.page({ visibleTo: teacher.id });
      expect(page.items.every((a) => a.owner.id === teacher.id || a.createdBy.id === teacher.id)).toBe(true);
      expect(page.items.map((a) => a.pupil.name)).toContain('Zoë Ålund'); // created by the teacher, owned by the SENCO
      expect(page.total).toBe(page.items.length);
      expect((await repo.page({ visibleTo: 'someone-else' })).total).toBe(0);
    });

    it('returns the check-in as counts and first pages that agree with the plain rules', async () => {
      const plain = checkInBuckets(
        all.filter((a) => a.status !== 'done'),
        today,
      );
      const pages = await repo.checkIn(today, DEFAULT_CHECK_IN_POLICY, 2);
      for (const bucket of ['overdue', 'dueThisWeek', 'waiting', 'needsEscalation'] as const) {
        expect(pages[bucket].total).toBe(plain[bucket].length);
        // Same due dates in the same order (the plain rules leave ties on one date in any order).
        expect(pages[bucket].items.map((a) => a.dueDate)).toEqual(plain[bucket].slice(0, 2).map((a) => a.dueDate));
      }
      expect(pages.needsEscalation.total).toBe(4); // due 1, 10 and 16 April (a week ago), and the wait untouched since 1 April
      expect(pages.waiting.total).toBe(2);
    });

    it.each<[string, ActionPageQueryInput]>([
      ['open items', {}],
      ['the archive', { includeArchived: true, statuses: ['done', 'parked'] }],
      ['everything', { includeArchived: true }],
      ['what a teacher may see', { visibleTo: teacher.id }],
      ['what no one else may see', { visibleTo: 'someone-else' }],
    ])('gives the pickers’ pupils and owners as the kernel finds them: %s', async (_, input) => {
      const q = actionPageQuerySchema.parse(input);
      expect(await repo.facets(input)).toEqual(facetsOf(all.filter((a) => matchesPageQuery(a, q))));
    });

    // Last: it adds an item, which the tests above do not expect.
    it('names a pupil as the latest updated item names them, once', async () => {
      const before = await repo.facets({});
      expect(before.pupils.map((p) => p.name)).toEqual(['émile Brook', 'J.B.', 'Zoë Ålund']);
      expect(before.owners.map((o) => o.name)).toEqual([assistant.name, senco.name, teacher.name].sort((a, b) => a.localeCompare(b)));
      await save([buildNewAction({ pupil: { id: 'pupil-emile', name: 'Émile Brook-Ward', yearGroup: 3 } })], sencoActor);
      expect((await repo.facets({})).pupils.map((p) => p.name)).toEqual(['Émile Brook-Ward', 'J.B.', 'Zoë Ålund']);
    });
  });
}
