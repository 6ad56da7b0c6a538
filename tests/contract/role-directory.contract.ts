import { ValidationError } from '@/kernel/errors';
import type { RoleDirectory } from '@/kernel/ports/role-directory';
import { assistant, senco, sencoActor, teacher, teacherActor } from '@tests/support/factories';

/** Builds a fresh, empty role table whose clock reads `now()`. */
export type RoleDirectoryFactory = (now: () => Date) => Promise<RoleDirectory>;

/** The behaviour every RoleDirectory adapter must have. */
export function describeRoleDirectoryContract(name: string, makeDirectory: RoleDirectoryFactory): void {
  describe(`RoleDirectory contract: ${name}`, () => {
    let clock: Date;
    let roles: RoleDirectory;

    beforeEach(async () => {
      clock = new Date('2026-04-20T08:00:00Z');
      roles = await makeDirectory(() => clock);
    });

    it('starts empty, and lists roles by role word once set, stored lower case with single spaces', async () => {
      expect(await roles.list()).toEqual([]);

      await roles.set('SENCO', senco, sencoActor);
      await roles.set('  Attendance   Lead ', teacher, sencoActor);

      expect(await roles.list()).toEqual([
        { role: 'attendance lead', person: teacher, updatedBy: sencoActor, updatedAt: '2026-04-20T08:00:00.000Z' },
        { role: 'senco', person: senco, updatedBy: sencoActor, updatedAt: '2026-04-20T08:00:00.000Z' },
      ]);
    });

    it('gives a role to its new holder, keeping one holder per role', async () => {
      await roles.set('attendance lead', teacher, sencoActor);
      clock = new Date('2026-04-21T08:00:00Z');
      const changed = await roles.set('Attendance lead', assistant, teacherActor);

      expect(changed).toEqual({
        role: 'attendance lead',
        person: assistant,
        updatedBy: teacherActor,
        updatedAt: '2026-04-21T08:00:00.000Z',
      });
      expect(await roles.list()).toEqual([changed]);
    });

    it('records every change with its actor, time and the previous holder, oldest first', async () => {
      await roles.set('attendance lead', teacher, sencoActor);
      clock = new Date('2026-04-21T08:00:00Z');
      await roles.set('attendance lead', assistant, teacherActor);

      expect(await roles.history()).toEqual([
        { role: 'attendance lead', person: teacher, previous: null, actor: sencoActor, at: '2026-04-20T08:00:00.000Z' },
        { role: 'attendance lead', person: assistant, previous: teacher, actor: teacherActor, at: '2026-04-21T08:00:00.000Z' },
      ]);
    });

    it('rejects an empty role word or a person without an email with ValidationError, changing nothing', async () => {
      await expect(roles.set(' ', senco, sencoActor)).rejects.toThrow(ValidationError);
      await expect(roles.set('senco', { ...senco, email: 'not-an-email' }, sencoActor)).rejects.toThrow(ValidationError);
      expect(await roles.list()).toEqual([]);
      expect(await roles.history()).toEqual([]);
    });
  });
}
