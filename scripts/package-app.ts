/**
 * Builds the Teams app package for one environment:
 *   npm run package -- --env dev      (or --env local)
 * Reads env/.env.<env> and env/.env.<env>.user, writes appPackage/build/appPackage.<env>.zip.
 * Exits 1 with every missing variable or schema problem listed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, ValidationError } from '@/kernel/errors';
import { buildAppPackage } from './app-package/build-package';

const root = path.join(__dirname, '..');

function main(): void {
  const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' } } });
  const envName = values.env ?? 'dev';
  if (!/^[a-z0-9-]+$/.test(envName)) throw new ValidationError([{ path: 'env', message: 'must be a name like dev or local' }]);
  const output = buildAppPackage({
    envName,
    appPackageDir: path.join(root, 'appPackage'),
    envDir: path.join(root, 'env'),
    outputDir: path.join(root, 'appPackage', 'build'),
    overrides: process.env,
  });
  console.log(`Wrote ${path.relative(root, output)}`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error instanceof ValidationError ? `Manifest problems:\n  - ${error.message.split('; ').join('\n  - ')}` : error.message);
  process.exitCode = 1;
}
