/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { rollupOptions: { input: ['index.html', 'redirect.html'] } },
  // Unit tests run in jsdom by default (`vitest run --environment happy-dom` in the other); e2e/ is Playwright's.
  test: { environment: 'jsdom', include: ['src/**/*.test.tsx'] },
});
