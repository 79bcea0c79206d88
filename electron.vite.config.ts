import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// Custom roots: electron/ for main and preload, renderer/ for the React app. better-sqlite3 is
// a native addon and stays external (electron-vite externalises dependencies of main).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The study-file worker is an entry of its own: a worker thread starts it from out/main/study-file-worker.js.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'study-file-worker': resolve(__dirname, 'electron/services/data/study-file-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // .vite/manifest.json: which chunks each entry and lazy screen loads (bench/bundle.ts reads it).
      manifest: true,
      // phone.html: the page phones get in meeting mode (the respondent flow only), served by the meeting server.
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html'), phone: resolve(__dirname, 'renderer/phone.html') } },
    },
  },
});
