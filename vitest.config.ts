import { defineConfig } from 'vitest/config';

/**
 * Three tiers, each a vitest project (`npm run test:unit`, `test:integration`, `test:e2e`; `npm test`
 * runs all):
 * - unit: no Docker, no root, no network beyond loopback sockets the test opens itself; seconds.
 * - integration: the Docker adapter against real engines (a private dockerd, TLS, an sshd).
 * - e2e: the faces over real sockets (Slack stand-in, signed requests, spawned processes).
 */
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 10_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 120_000 },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
    },
  },
});
