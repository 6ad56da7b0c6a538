/** A complete, valid tenant-mode environment (all fictional), for tests that start the app as a school would. */
export function tenantEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://tracker.oakfield.example',
    TENANT_ID: '11111111-1111-4111-8111-111111111111',
    CLIENT_ID: '22222222-2222-4222-8222-222222222222',
    CLIENT_SECRET: 'not-a-real-secret',
    AAD_APP_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
    SEND_TEAM_GROUP_IDS: '44444444-4444-4444-8444-444444444444',
    SEND_LEAD_ID: '00000000-0000-4000-8000-000000000001',
    SEND_LEAD_NAME: 'Priya Shah',
    TASK_KEY: 'a-task-key-of-at-least-24-characters',
    ...overrides,
  };
}
