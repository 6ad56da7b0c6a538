import { existsSync, readFileSync } from 'node:fs';

/**
 * Parses a dotenv-style file as the Agents Toolkit writes them: `KEY=value` lines, `#` comments,
 * optional single or double quotes around the value. No interpolation, no multi-line values.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '').trim();
    values[match[1]!] = value;
  }
  return values;
}

/**
 * The variables for one environment: `env/.env.<name>`, then the git-ignored `env/.env.<name>.user`
 * (secrets, and values provisioning wrote locally), then `overrides` (e.g. CI variables), later winning.
 */
export function loadEnvironment(envDir: string, name: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const file of [`${envDir}/.env.${name}`, `${envDir}/.env.${name}.user`]) {
    if (existsSync(file)) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) values[key] = value;
  return values;
}
