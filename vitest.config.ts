import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The image build has its own run: npm run test:image (test/image/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'test/image/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
