import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three tiers, each a vitest project (`npm run test:unit`, `test:integration`, `test:e2e`; `npm test`
 * runs all):
 * - unit: no Docker, no root, no network beyond loopback sockets the test opens itself; seconds.
 * - integration: the adapters against real servers: a private dockerd (TLS, an sshd, a one-node swarm
 *   reading the deploy files), and the store on SQLite files and a private PostgreSQL.
 * - e2e: the faces over real sockets (Slack stand-in, signed requests, spawned processes).
 * The container image has its own run, `npm run test:image` (test/image/vitest.config.ts): its build
 * installs every dependency from the registry, minutes rather than seconds.
 */
export default defineConfig({
  test: {
    // No project includes test/image; excluded here too, so a path given on the command line cannot pull it in.
    exclude: [...configDefaults.exclude, 'test/image/**'],
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
