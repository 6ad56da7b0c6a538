/** Values shaped like the ones provisioning writes, for building a package in tests. */
export const sampleEnv: Record<string, string> = {
  TEAMS_APP_ID: '6f0c1b7e-2a4d-4c55-9a1e-0b7d3c2e8f10',
  BOT_ID: 'b2d4e6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b',
  AAD_APP_CLIENT_ID: 'c3e5a7b9-2b4d-4f60-9b8c-0d1e2f3a4b5c',
  TAB_DOMAIN: 'sendtracker-oakfield.azurewebsites.net',
  TAB_ENDPOINT: 'https://sendtracker-oakfield.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

/** Renders values as an env file. */
export function envFileText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}
