import { defineConfig } from '@playwright/test';

// The end-to-end tests drive an installed Chromium (Debian's by default; CHROMIUM_PATH names another): nothing to
// download.
export default defineConfig({
  testDir: 'e2e',
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    },
  },
});
