import type { Config } from '../env';
import type { InterventionRepository } from '../interventions/intervention-repository';
import type { PassportRepository } from '../passport/passport-repository';
import type { RegisterRepository } from '../register/register-repository';
import { openDatabase } from '../storage/sqlite/open-database';
import { SqliteInterventionRepository } from '../storage/sqlite/sqlite-intervention-repository';
import { SqlitePassportRepository } from '../storage/sqlite/sqlite-passport-repository';
import { SqliteRegisterRepository } from '../storage/sqlite/sqlite-register-repository';

/**
 * The register and intervention stores. Embedded mode: the same SQLite file as the tracker (its own
 * connection; WAL lets them share). Tenant mode: null until the SharePoint adapters exist, so the
 * register routes are simply not served rather than keeping pupil data outside the tenant.
 */
export function openRegisterStores(
  config: Config,
  now: () => Date,
): { register: RegisterRepository; interventions: InterventionRepository; passports: PassportRepository } | null {
  if (config.mode === 'tenant') return null;
  const db = openDatabase(config.databaseFile);
  return {
    register: new SqliteRegisterRepository(db, now),
    interventions: new SqliteInterventionRepository(db, now),
    passports: new SqlitePassportRepository(db, now),
  };
}
