import { ConfigError } from '@/kernel/errors';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may legitimately be empty (production has no name suffix). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

/** The distinct `${{VAR}}` names used in `template`, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Replaces every `${{VAR}}` in `template`, the Agents Toolkit's placeholder syntax.
 * Values are JSON-string-escaped because every placeholder in the manifest sits inside a JSON string.
 * @throws ConfigError naming every variable that is unset (or empty where a value is needed).
 */
export function substitutePlaceholders(template: string, values: Record<string, string>, envName: string): string {
  const missing = placeholdersIn(template).filter((name) => {
    const value = values[name];
    return value === undefined || (value === '' && !MAY_BE_EMPTY.has(name));
  });
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((name) => `${name}: not set in env/.env.${envName} or env/.env.${envName}.user (run provision, or set it)`),
    );
  }
  return template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name]).slice(1, -1));
}
