import { defineConfig, devices } from '@playwright/test'

// End-to-end tests against the production build on a fresh embedded database with demo data.
// Playwright cannot download its browser here: we use Debian's chromium (.ci/run installs it).
const PORT = Number(process.env.E2E_PORT ?? 3100)
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3190)
// Offline emulation (context.setOffline) reaches the service worker's own requests only with this
// switch; the offline handbook test depends on it.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    locale: 'nl-NL',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'rm -rf tmp/e2e-data && npm run serve',
    url: `http://localhost:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: 'file:./tmp/e2e-data',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      APP_URL: `http://localhost:${PORT}`,
      // Single sign-on against the test's own OpenID provider (tests/e2e/sso.spec.ts starts it on this port).
      OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
      OIDC_CLIENT_ID: 'leidraad',
      OIDC_CLIENT_SECRET: 'leidraad-test-secret',
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_NAME: 'Testorganisatie',
    },
  },
})
