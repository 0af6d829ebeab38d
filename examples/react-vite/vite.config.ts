/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { whoAmI } from './server/who-am-i.ts';
import { imsSettings } from './src/ims-settings.ts';

/**
 * The app's server route GET /api/me beside the app, in `vite` and `vite preview`. It checks tokens with the IMS the
 * app signs in at (the local IMS while developing, Adobe's otherwise; IMS_ORIGIN or VITE_IMS_ORIGIN names another).
 */
const api = (mode: string): Plugin => {
  const env = loadEnv(mode, process.cwd(), '');
  const { clientId, imsOrigin } = imsSettings(env, mode == 'development');
  const route = whoAmI({ clientId, imsOrigin: env.IMS_ORIGIN || imsOrigin });
  const mount = (server: { middlewares: Connect.Server }) => {
    server.middlewares.use('/api/me', route);
  };
  return { name: 'api', configureServer: mount, configurePreviewServer: mount };
};

export default defineConfig(({ mode }) => ({
  plugins: [react(), api(mode)],
  build: { rollupOptions: { input: ['index.html', 'redirect.html'] } },
  // Unit tests run in jsdom by default (`vitest run --environment happy-dom` in the other); e2e/ is Playwright's.
  test: { environment: 'jsdom', include: ['src/**/*.test.tsx'] },
}));
