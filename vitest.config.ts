import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // One production server for the end-to-end tests (tests/e2e), started once per run.
    globalSetup: ['tests/e2e/global-setup.ts'],
    // End-to-end tests start a Next.js server and Chromium; give them room.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
