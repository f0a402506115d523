import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/components/figures/**/*.ts'],
      // The course's numbers come from these two folders: hold them to 95% of lines.
      thresholds: { lines: 95 },
      reporter: ['text-summary', 'html'],
    },
  },
});
