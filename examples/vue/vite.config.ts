import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // Vue renders tags with a dash in their name as custom elements instead of looking for components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('adobe-') } },
    }),
  ],
});
