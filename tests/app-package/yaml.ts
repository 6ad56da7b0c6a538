/**
 * js-yaml is present only as a transitive dependency (of jest), with no type declarations; this is the one
 * place that loads it. `load` exists in both the 3.x and 4.x APIs.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsYaml = require('js-yaml') as { load(text: string): unknown };

/** Parses YAML text into plain data. */
export function parseYaml(text: string): unknown {
  return jsYaml.load(text);
}
