import { actorSchema, personSchema, type Actor, type Person } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { roleNameSchema, type RoleAssignment, type RoleChange, type RoleDirectory } from '@/kernel/ports/role-directory';
import { findItemByKey } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';
import { graphFailure, jsonColumn, lookupTarget, upsertByKey, type RegisterStoreContext } from './register-store-options';

function assignmentOf(item: GraphListItem): RoleAssignment {
  const { Role, PersonId, PersonName, PersonEmail, UpdatedAt } = item.fields;
  return {
    role: String(Role),
    person: { id: String(PersonId), name: String(PersonName), email: String(PersonEmail) },
    updatedBy: jsonColumn<Actor>(item, 'role', 'UpdatedBy'),
    updatedAt: String(UpdatedAt),
  };
}

/**
 * The role table in the "SEND Roles" list (one item per role word, `Role` unique) with the person
 * in plain columns, so the SEND lead can read it in SharePoint too; every change is appended to
 * "SEND Role History". Two people setting one role at once: the last write wins and both are recorded.
 */
export class SharePointRoleDirectory implements RoleDirectory {
  private readonly now: () => Date;

  constructor(private readonly context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
  }

  async list(): Promise<RoleAssignment[]> {
    const { roles } = await this.context.lists.paths();
    return (await this.readAll(roles)).map(assignmentOf).sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  }

  /** @throws ValidationError; AppError when SharePoint refuses the write. */
  async set(roleInput: string, personInput: Person, actorInput: Actor): Promise<RoleAssignment> {
    const role = parseInput(roleNameSchema, roleInput, 'role');
    const person = parseInput(personSchema, personInput, 'person');
    const actor = parseInput(actorSchema, actorInput, 'actor');
    const { roles, roleHistory } = await this.context.lists.paths();
    const at = this.now().toISOString();
    const before = await findItemByKey(lookupTarget(this.context, roles), 'Role', role);
    const change: RoleChange = { role, person, previous: before ? assignmentOf(before).person : null, actor, at };
    await upsertByKey(this.context, roles, 'Role', role, {
      Title: role,
      Role: role,
      PersonId: person.id,
      PersonName: person.name,
      PersonEmail: person.email,
      UpdatedAt: at,
      UpdatedBy: JSON.stringify(actor),
    });
    try {
      await this.context.client
        .api(`${roleHistory}/items`)
        .post({ fields: { Title: role, Role: role, At: at, Data: JSON.stringify(change) } });
    } catch (error) {
      throw graphFailure(error, 'record the role change in its history');
    }
    return { role, person, updatedBy: actor, updatedAt: at };
  }

  async history(): Promise<RoleChange[]> {
    const { roleHistory } = await this.context.lists.paths();
    // Item ids rise with creation, so they order changes made in the same millisecond.
    const items = (await this.readAll(roleHistory)).sort((a, b) => {
      const [ta, tb] = [String(a.fields.At), String(b.fields.At)];
      return ta < tb ? -1 : ta > tb ? 1 : Number(a.id) - Number(b.id);
    });
    return items.map((item) => jsonColumn<RoleChange>(item, 'role change'));
  }

  private readAll(listPath: string): Promise<GraphListItem[]> {
    const { pageSize } = lookupTarget(this.context, listPath);
    return getAllPages(this.context.client, `${listPath}/items?expand=fields&$top=${pageSize}`, this.context.root, itemPageSchema);
  }
}
