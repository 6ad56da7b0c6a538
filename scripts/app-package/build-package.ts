import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from './env-file';
import { substitutePlaceholders } from './substitute';
import { validateManifest } from './validate-manifest';
import { zipSync } from 'fflate';

/** Where the package builder reads from and writes to; tests point these at temporary folders. */
export interface PackageOptions {
  envName: string;
  appPackageDir: string;
  envDir: string;
  outputDir: string;
  /** Highest-precedence values, e.g. process.env in CI. */
  overrides?: Record<string, string | undefined>;
}

/** The files an app package holds, and their names inside the zip. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/**
 * Builds `appPackage.<env>.zip`: fills the manifest's `${{VAR}}` placeholders from the env files,
 * validates the result against the official schema and zips it with the two icons.
 * @returns the path of the zip written.
 * @throws ConfigError listing every missing variable; ValidationError listing every schema problem.
 */
export function buildAppPackage(options: PackageOptions): string {
  const values = loadEnvironment(options.envDir, options.envName, options.overrides);
  const template = readFileSync(path.join(options.appPackageDir, 'manifest.json'), 'utf8');
  const manifestText = substitutePlaceholders(template, values, options.envName);
  const manifest: unknown = JSON.parse(manifestText);
  validateManifest(manifest);
  // A fixed timestamp (1 Jan 1980, the earliest a zip can hold) makes the package byte-for-byte reproducible.
  const zip = zipSync(
    {
      'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'),
      'color.png': readFileSync(path.join(options.appPackageDir, 'color.png')),
      'outline.png': readFileSync(path.join(options.appPackageDir, 'outline.png')),
    },
    { level: 9, mtime: new Date(1980, 0, 1) },
  );
  mkdirSync(options.outputDir, { recursive: true });
  const output = path.join(options.outputDir, `appPackage.${options.envName}.zip`);
  writeFileSync(output, zip);
  return output;
}
