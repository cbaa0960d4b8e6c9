import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.ts';

/**
 * e2e tests drive Debian's Chromium (Playwright cannot download browsers here) against
 * the built app served by the real embedded server on loopback, with a fresh store and
 * no self-profiling, so the only data is what the tests ingest.
 */
const port = Number(process.env.E2E_PORT ?? 4188);
const dataDir = path.join(tmpdir(), `flamelens-e2e-${port}`);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
  webServer: {
    command: `rm -rf ${dataDir} && node --import tsx server/main.ts --no-build --no-self-profile --host 127.0.0.1 --port ${port} --data ${dataDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
