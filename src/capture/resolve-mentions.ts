import { personSchema, type Person } from '@/kernel/action';
import type { Mention } from '@/capture/parse/proposed-action';
import type { MentionEntity } from '@/capture/message-trigger';

/** What the Bot Connector member lookup returns (the fields we use). */
export interface TeamsMember {
  aadObjectId?: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
}

/** Looks up a conversation member by Teams user id (or Entra object id). Throws when not found. */
export type MemberLookup = (memberId: string) => Promise<TeamsMember>;

/** A member as a Person, or null when Teams did not give an Entra id and an email. */
export function memberToPerson(member: TeamsMember, fallbackName = ''): Person | null {
  const parsed = personSchema.safeParse({
    id: member.aadObjectId,
    name: member.name || fallbackName,
    email: member.email || member.userPrincipalName,
  });
  return parsed.success ? parsed.data : null;
}

/**
 * Turns Teams @mentions into parser mentions carrying the person's Entra object id. A mention whose
 * lookup fails stays unresolved (reported by name): it is never guessed.
 */
export async function resolveMentions(
  entities: MentionEntity[],
  lookup: MemberLookup,
): Promise<{ mentions: Mention[]; unresolved: string[]; memberIds: Record<string, string> }> {
  const results = await Promise.all(
    entities.map(async (entity) => {
      try {
        return { entity, person: memberToPerson(await lookup(entity.id), entity.name) };
      } catch {
        // Not found or the connector is unreachable: the mention stays unresolved and the card says so.
        return { entity, person: null };
      }
    }),
  );
  return {
    mentions: results.flatMap(({ entity, person }) => (person ? [{ text: entity.text, person }] : [])),
    unresolved: results.flatMap(({ entity, person }) => (person ? [] : [entity.name || 'someone'])),
    // Entra id -> Teams user id: Save looks the owner up again by the id Teams itself gave us.
    memberIds: Object.fromEntries(results.flatMap(({ entity, person }) => (person ? [[person.id, entity.id]] : []))),
  };
}
