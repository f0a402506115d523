import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests run thousands of cases; on a busy 2-core machine 5 s is too tight.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/components/figures/**/*.ts'],
      // The course's numbers come from these two folders: hold them to 95% of lines.
      thresholds: { lines: 95 },
      reporter: ['text-summary', 'html'],
    },
  },
});
