import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start a Next.js server and Chromium; give them room.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
