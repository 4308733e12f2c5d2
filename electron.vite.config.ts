import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Every runtime dependency stays in node_modules: the native modules
      // (better-sqlite3-multiple-ciphers, keytar) cannot be bundled, and the rest
      // load faster from disk than re-parsed inside one large file.
      externalizeDeps: true,
      rolldownOptions: {
        // The output is named index.js because package.json "main" points there. The core
        // runs in a worker thread (core-worker.js) with a job thread (job-worker.js) beside it;
        // an import's job starts a parse worker (parse-worker.js) from the job thread.
        input: {
          index: resolve(root, 'src/main/electron/main.ts'),
          'core-worker': resolve(root, 'src/main/core/host/core-worker.ts'),
          'job-worker': resolve(root, 'src/main/core/jobs/job-thread.ts'),
          'parse-worker': resolve(root, 'src/main/core/ingest/parse-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron' and a few polyfills, so
      // everything else (zod, the contract) must be inside the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules, and package.json says
        // "type": "module", so the CommonJS output needs the .cjs extension.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The window parses this bundle before its first paint: a third of the bytes to read.
      minify: true,
      rolldownOptions: {
        input: resolve(root, 'src/renderer/index.html'),
      },
    },
  },
});
