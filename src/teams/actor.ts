import type { Actor } from '@/kernel/action';

/** Who sent an activity, as an Actor: their Entra object id when Teams gives it, else the Teams id. */
export function actorFrom(from: { id: string; aadObjectId?: string; name?: string }): Actor {
  return { id: (from.aadObjectId || from.id).slice(0, 100), name: (from.name || 'Someone').slice(0, 200) };
}
