import type { Server } from 'restify';
import type { Person } from '@/kernel/action';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { jsonRoute } from '@/http/json-route';
import type { Authenticate } from '@/http/identity';

export interface StaffRouteDeps {
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  /** Extra people to offer as owners, e.g. the demo school's staff in embedded mode. */
  knownStaff?: readonly Person[];
}

/**
 * GET /api/staff: the people an item can be given to, for the tab's owner picker. Derived from
 * everyone who owns or created an item (with an email, since an owner needs one) plus `knownStaff`.
 * Names and emails of staff only: no pupil data.
 */
export function registerStaffRoutes(server: Server, { repo, authenticate, logger, knownStaff = [] }: StaffRouteDeps): void {
  server.get(
    '/api/staff',
    jsonRoute(logger, async (req) => {
      await authenticate(req.headers);
      const people = new Map<string, Person>(knownStaff.map((p) => [p.id, p]));
      for (const action of await repo.query({ includeArchived: true })) {
        people.set(action.owner.id, action.owner);
        const { id, name, email } = action.createdBy;
        if (email && !people.has(id)) people.set(id, { id, name, email });
      }
      return { staff: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)) };
    }),
  );
}
