import type { Config } from './config';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { RoleDirectory } from '@/kernel/ports/role-directory';
import { createSharePointRegisterStores } from '@/storage/sharepoint/create-sharepoint-register-stores';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteInterventionRepository } from '@/storage/sqlite/sqlite-intervention-repository';
import { SqlitePassportRepository } from '@/storage/sqlite/sqlite-passport-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';

/** The register-side stores: the SEN register, interventions, passports and the role table. */
export interface RegisterStores {
  register: RegisterRepository;
  interventions: InterventionRepository;
  passports: PassportRepository;
  roles: RoleDirectory;
}

/**
 * The register and intervention stores. With SharePoint configured: lists on the SEND site (pupil
 * data stays in the tenant). Embedded mode: the same SQLite file as the tracker (its own connection;
 * WAL lets them share). Tenant mode without SharePoint: null, so the register routes are simply not
 * served rather than keeping pupil data outside the tenant.
 */
export function openRegisterStores(config: Config, now: () => Date): RegisterStores | null {
  if (config.sharePoint) return createSharePointRegisterStores(config.sharePoint, { now });
  if (config.mode === 'tenant') return null;
  const db = openDatabase(config.databaseFile);
  return {
    register: new SqliteRegisterRepository(db, now),
    interventions: new SqliteInterventionRepository(db, now),
    passports: new SqlitePassportRepository(db, now),
    roles: new SqliteRoleDirectory(db, now),
  };
}
