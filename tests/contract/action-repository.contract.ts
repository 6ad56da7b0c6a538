import { ConflictError, NotFoundError, ValidationError } from '@/kernel/errors';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { describeActionPagesContract } from './action-pages.contract';
import { assistant, buildNewAction, sencoActor, teacher, teacherActor } from '@tests/support/factories';

/** Builds a fresh, empty repository whose clock reads `now()`. */
export type RepositoryFactory = (now: () => Date) => Promise<ActionRepository>;

/**
 * The behaviour every ActionRepository adapter must have. Run it from a `*.test.ts` file per adapter.
 */
export function describeActionRepositoryContract(name: string, makeRepository: RepositoryFactory): void {
  describe(`ActionRepository contract: ${name}`, () => {
    let clock: Date;
    let repo: ActionRepository;

    beforeEach(async () => {
      clock = new Date('2026-04-23T09:00:00Z');
      repo = await makeRepository(() => clock);
    });

    const tick = (minutes = 1) => {
      clock = new Date(clock.getTime() + minutes * 60_000);
    };

    async function expectRejects<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(type);
      return error as E;
    }

    describe('creating', () => {
      it('saves many actions and reads each back at version 1, open, with who created it', async () => {
        const saved = await repo.createMany([buildNewAction(), buildNewAction({ owner: assistant, dueDate: '2026-05-08' })], sencoActor);

        expect(saved).toHaveLength(2);
        const first = await repo.get(saved[0]!.id);
        expect(first).toMatchObject({
          version: 1,
          status: 'open',
          owner: teacher,
          dueDate: '2026-05-01',
          createdBy: sencoActor,
          createdAt: '2026-04-23T09:00:00.000Z',
          closedAt: null,
          evidenceUrl: null,
        });
        expect(saved[0]!.id).not.toEqual(saved[1]!.id);
      });

      it('records the creation in the history with the creator as actor', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        const history = await repo.history(action!.id);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ kind: 'created', version: 1, actor: sencoActor, at: '2026-04-23T09:00:00.000Z' });
        expect(history[0]!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['owner', 'dueDate', 'status']));
      });

      it('returns the stored action instead of a duplicate when an idempotency key is saved twice', async () => {
        const input = buildNewAction({ idempotencyKey: 'msg-1#0' });
        const [first] = await repo.createMany([input], sencoActor);
        const [again] = await repo.createMany([input, buildNewAction({ idempotencyKey: 'msg-1#1' })], sencoActor);

        expect(again!.id).toEqual(first!.id);
        expect(await repo.query()).toHaveLength(2);
      });

      it('refuses a key someone else saved first with a ConflictError: never their item, never a silent drop', async () => {
        const [mine] = await repo.createMany([buildNewAction({ idempotencyKey: 'msg-7#0', description: 'Priya agreed this' })], sencoActor);
        const error = await expectRejects(
          repo.createMany([buildNewAction({ idempotencyKey: 'msg-7#0', description: 'Tom typed this' })], teacherActor),
          ConflictError,
        );

        expect(error.message).toMatch(/already saved by someone else/);
        expect(error.message).not.toContain('Priya agreed this');
        expect(await repo.query()).toEqual([expect.objectContaining({ id: mine!.id, description: 'Priya agreed this' })]);
        // The creator's own retry still returns their item.
        expect((await repo.createMany([buildNewAction({ idempotencyKey: 'msg-7#0' })], sencoActor))[0]!.id).toBe(mine!.id);
      });

      it('rejects an invalid batch naming the bad field, and writes none of it', async () => {
        const bad = buildNewAction({ owner: { ...teacher, email: 'not-an-email' } });
        const error = await expectRejects(repo.createMany([buildNewAction(), bad], sencoActor), ValidationError);

        expect(error.problems).toEqual([expect.objectContaining({ path: 'actions.1.owner.email' })]);
        expect(await repo.query({ includeArchived: true })).toHaveLength(0);
      });

      it.each([
        ['dueDate', { dueDate: '2026-02-31' }],
        ['description', { description: '   ' }],
        ['itemType', { itemType: 'chat' as never }],
        ['owner', { owner: undefined as never }],
      ])('rejects a bad %s with a message naming it', async (field, overrides) => {
        const error = await expectRejects(repo.createMany([buildNewAction(overrides)], sencoActor), ValidationError);
        expect(error.problems.map((p) => p.path)).toContain(`actions.0.${field}`);
        expect(await repo.query({ includeArchived: true })).toHaveLength(0);
      });

      it('refuses a new action that starts closed', async () => {
        await expectRejects(repo.createMany([buildNewAction({ status: 'done' as never })], sencoActor), ValidationError);
      });
    });

    describe('reading', () => {
      it('throws NotFoundError for an unknown id', async () => {
        await expectRejects(repo.get('no-such-id'), NotFoundError);
        await expectRejects(repo.history('no-such-id'), NotFoundError);
      });

      it('filters by owner, pupil, item type, status and due range, ordered by due date', async () => {
        await repo.createMany(
          [
            buildNewAction({ dueDate: '2026-05-10', owner: teacher }),
            buildNewAction({ dueDate: '2026-04-20', owner: assistant, itemType: 'intervention' }),
            buildNewAction({ dueDate: '2026-05-01', owner: teacher, pupil: { id: 'pupil-ak', name: 'A.K.', yearGroup: 2 } }),
          ],
          sencoActor,
        );

        expect((await repo.query()).map((a) => a.dueDate)).toEqual(['2026-04-20', '2026-05-01', '2026-05-10']);
        expect((await repo.query({ ownerId: teacher.id })).map((a) => a.dueDate)).toEqual(['2026-05-01', '2026-05-10']);
        expect((await repo.query({ pupilId: 'pupil-ak' })).map((a) => a.dueDate)).toEqual(['2026-05-01']);
        expect((await repo.query({ itemType: 'intervention' })).map((a) => a.owner.id)).toEqual([assistant.id]);
        expect((await repo.query({ dueFrom: '2026-04-21', dueTo: '2026-05-09' })).map((a) => a.dueDate)).toEqual(['2026-05-01']);
        expect(await repo.query({ statuses: ['waiting'] })).toEqual([]);
      });

      it('rejects a malformed query with a clear error', async () => {
        const error = await expectRejects(repo.query({ dueFrom: '23/04/2026' }), ValidationError);
        expect(error.problems[0]!.path).toBe('query.dueFrom');
      });
    });

    describe('updating with optimistic concurrency', () => {
      it('applies a change at the current version and records before and after', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        tick();
        const updated = await repo.update(action!.id, 1, { status: 'waiting', note: 'Waiting for the EP report' }, teacherActor);

        expect(updated).toMatchObject({ version: 2, status: 'waiting', lastNote: 'Waiting for the EP report', updatedBy: teacherActor });
        expect(await repo.get(action!.id)).toEqual(updated);
        const last = (await repo.history(action!.id)).at(-1)!;
        expect(last).toMatchObject({ kind: 'updated', version: 2, actor: teacherActor, at: '2026-04-23T09:01:00.000Z' });
        expect(last.changes).toEqual(
          expect.arrayContaining([
            { field: 'status', from: 'open', to: 'waiting' },
            { field: 'lastNote', from: null, to: 'Waiting for the EP report' },
          ]),
        );
      });

      it('keeps who outside the staff does an item, and audits handing it back to the member of staff', async () => {
        const [action] = await repo.createMany([buildNewAction({ outsideOwner: 'parent' })], sencoActor);
        expect(await repo.get(action!.id)).toMatchObject({ outsideOwner: 'parent', owner: { id: teacher.id } });
        tick();
        await repo.update(action!.id, 1, { outsideOwner: null }, teacherActor);
        expect((await repo.get(action!.id)).outsideOwner).toBeNull();
        expect((await repo.history(action!.id)).at(-1)!.changes).toEqual([{ field: 'outsideOwner', from: 'parent', to: null }]);
      });

      it('throws ConflictError for a stale version and overwrites nothing', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        await repo.update(action!.id, 1, { dueDate: '2026-05-15' }, sencoActor);

        const error = await expectRejects(repo.update(action!.id, 1, { owner: assistant }, teacherActor), ConflictError);

        expect(error.currentVersion).toBe(2);
        const stored = await repo.get(action!.id);
        expect(stored).toMatchObject({ version: 2, owner: teacher, dueDate: '2026-05-15' });
        expect(await repo.history(action!.id)).toHaveLength(2);
      });

      it('lets exactly one of two simultaneous writers from the same version win', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        const results = await Promise.allSettled([
          repo.update(action!.id, 1, { status: 'in_progress' }, teacherActor),
          repo.update(action!.id, 1, { status: 'waiting' }, sencoActor),
        ]);

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(ConflictError);
        expect((await repo.get(action!.id)).version).toBe(2);
      });

      it('rejects an invalid change naming the field, and writes nothing', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        const error = await expectRejects(repo.update(action!.id, 1, { dueDate: '2026-13-01' }, sencoActor), ValidationError);
        expect(error.problems[0]!.path).toBe('dueDate');
        await expectRejects(repo.update(action!.id, 1, {}, sencoActor), ValidationError);
        await expectRejects(repo.update(action!.id, 1, { status: 'done' as never }, sencoActor), ValidationError);
        expect(await repo.get(action!.id)).toEqual(action);
      });

      it('throws NotFoundError when changing an unknown id', async () => {
        await expectRejects(repo.update('no-such-id', 1, { status: 'waiting' }, sencoActor), NotFoundError);
      });
    });

    describe('closing archives, never deletes', () => {
      it('moves a closed item to the archive with its note, keeping it readable', async () => {
        const [keep, done] = await repo.createMany([buildNewAction(), buildNewAction({ description: 'Send the referral' })], sencoActor);
        tick();
        const closed = await repo.close(
          done!.id,
          1,
          { status: 'done', note: 'Referral sent to SALT', evidenceUrl: 'https://oakfield.example/doc/1' },
          teacherActor,
        );

        expect(closed).toMatchObject({
          status: 'done',
          closingNote: 'Referral sent to SALT',
          closedAt: '2026-04-23T09:01:00.000Z',
          version: 2,
        });
        expect((await repo.query()).map((a) => a.id)).toEqual([keep!.id]);
        expect((await repo.query({ includeArchived: true })).map((a) => a.id).sort()).toEqual([keep!.id, done!.id].sort());
        expect((await repo.query({ statuses: ['done'] })).map((a) => a.id)).toEqual([done!.id]);
        expect(await repo.get(done!.id)).toEqual(closed);
        expect((await repo.history(done!.id)).map((h) => h.kind)).toEqual(['created', 'closed']);
      });

      it('requires a closing note', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        const error = await expectRejects(repo.close(action!.id, 1, { status: 'done', note: '' }, sencoActor), ValidationError);
        expect(error.problems[0]!.path).toBe('note');
        expect((await repo.get(action!.id)).status).toBe('open');
      });

      it('refuses to edit an archived item until it is reopened', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        await repo.close(action!.id, 1, { status: 'parked', note: 'Family moved school' }, sencoActor);
        await expectRejects(repo.update(action!.id, 2, { status: 'in_progress' }, sencoActor), ValidationError);

        const reopened = await repo.reopen(action!.id, 2, 'Family returned', sencoActor);
        expect(reopened).toMatchObject({ status: 'open', closedAt: null, version: 3 });
        expect((await repo.query()).map((a) => a.id)).toEqual([action!.id]);
        expect((await repo.history(action!.id)).map((h) => h.kind)).toEqual(['created', 'closed', 'reopened']);
      });

      it('corrects the pupil of an item, and the pupil filter follows it', async () => {
        const [action] = await repo.createMany([buildNewAction()], sencoActor);
        const other = { id: 'pupil-ak', name: 'A.K.', yearGroup: 2 };
        const moved = await repo.update(
          action!.id,
          1,
          { pupil: other, dueDate: '2026-06-12', description: 'Phone parent about the reading plan' },
          sencoActor,
        );
        expect(moved).toMatchObject({ pupil: other, dueDate: '2026-06-12', version: 2 });
        expect((await repo.query({ pupilId: 'pupil-ak' })).map((a) => a.id)).toEqual([action!.id]);
        expect(await repo.query({ pupilId: 'pupil-jb' })).toEqual([]);
        expect((await repo.page({ search: 'a.k.' })).total).toBe(1);
        const fields = (await repo.history(action!.id)).at(-1)!.changes.map((c) => c.field);
        expect(fields).toEqual(expect.arrayContaining(['pupil', 'dueDate', 'description']));
      });

      it('tells which items changed since a cursor, once, and asks for a reload when the cursor is not its own', async () => {
        const [before] = await repo.createMany([buildNewAction()], sencoActor);
        const start = await repo.changesSince(null);
        expect(start.ids).toEqual([]);
        expect(await repo.changesSince(start.cursor)).toMatchObject({ ids: [] });

        const [created] = await repo.createMany([buildNewAction({ description: 'New since' })], sencoActor);
        await repo.update(before!.id, 1, { status: 'in_progress' }, sencoActor);
        await repo.update(before!.id, 2, { note: 'Chased' }, sencoActor);
        const changed = await repo.changesSince(start.cursor);
        expect([...changed.ids].sort()).toEqual([before!.id, created!.id].sort());
        expect(changed.reset).toBeUndefined();
        expect((await repo.changesSince(changed.cursor)).ids).toEqual([]);

        const stale = await repo.changesSince('not-a-cursor-of-ours');
        expect(stale).toMatchObject({ ids: [], reset: true });
        expect((await repo.changesSince(stale.cursor)).ids).toEqual([]);
      });

      it('offers no way to delete', () => {
        expect('delete' in repo).toBe(false);
        expect('remove' in repo).toBe(false);
      });
    });
  });

  describeActionPagesContract(name, makeRepository);
}
