import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ValidationError } from '@/kernel/errors';

/** The manifest schema version this app targets: the newest that `@microsoft/app-manifest` ships offline. */
export const MANIFEST_VERSION = '1.30';

/** Reads the official Teams manifest JSON schema for `version` from `@microsoft/app-manifest` (no network). */
export function loadManifestSchema(version: string = MANIFEST_VERSION): object {
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

/**
 * Checks a manifest object against the official schema, the way the Agents Toolkit does it
 * (draft-04 validator, uri/email/regex formats).
 * @throws ValidationError with one problem per schema violation (path = JSON pointer into the manifest).
 */
export function validateManifest(manifest: unknown, schema: object = loadManifestSchema()): void {
  // strict: false because the official schema carries keywords ajv does not know (e.g. "markdownDescription").
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return;
  throw new ValidationError(
    (validate.errors ?? []).map((e) => ({
      path: e.instancePath || '/',
      message: `${e.message ?? 'is invalid'} ${e.params ? JSON.stringify(e.params) : ''}`.trim(),
    })),
  );
}
