import { defineConfig } from 'vitest/config';

/**
 * `npm run test:image`: builds the Dockerfile on a private engine and runs the image. Kept out of
 * `npm test` because the build installs every dependency from the registry (minutes, not seconds).
 */
export default defineConfig({
  test: {
    include: ['test/image/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 20 * 60_000,
  },
});
