import { z } from 'zod';
import { personSchema } from '@/kernel/action';
import { roleNameSchema } from '@/kernel/ports/role-directory';

/** `PUT /api/roles`: give one role word to one member of staff. */
export const setRoleBody = z.strictObject({ role: roleNameSchema, person: personSchema });
