import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The browser screens, one build: /agent (agent screen), /admin (admin console) and /wallboard. */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    rollupOptions: {
      input: { agent: here('agent/index.html'), admin: here('admin/index.html'), wallboard: here('wallboard/index.html') },
    },
  },
});
