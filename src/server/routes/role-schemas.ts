import { z } from 'zod';
import { personSchema } from '../../domain/action';
import { roleNameSchema } from '../../roles/role-directory';

/** `PUT /api/roles`: give one role word to one member of staff. */
export const setRoleBody = z.strictObject({ role: roleNameSchema, person: personSchema });
