// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers, enforced: src/shared is pure; only src/main/electron may import 'electron';
 * the renderer never reaches into the main process; the core runs under plain Node and
 * knows neither its window nor its terminal; analysis and the file readers never touch
 * the store; only src/main/core/ai imports the openai SDK. test/unit/layers.test.ts shows
 * each rule firing.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];
const electron = { name: 'electron', message: 'Only src/main/electron may import electron.' };
const database = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'keytar'];
/** One place talks to an LLM, so one place shows what leaves the machine and how. */
const openai = { name: 'openai', message: 'The openai SDK lives only in src/main/core/ai, the one place that talks to an LLM (and logs what it sends).' };
const openaiDeep = { group: ['openai/*'], message: openai.message };

/** A relative import that goes through a folder of this name, at any depth ('../../store/db'). */
const into = (folder) => `^\\.{1,2}/(?:.*/)?${folder}(?:/|$)`;

/** The core is shared by the CLI, the tests and Electron's main process, so it depends on none of them. */
const corePatterns = [
  { group: ['electron/*'], message: 'The core runs under plain Node: only src/main/electron may import electron.' },
  { regex: into('electron'), message: 'The core runs under plain Node: src/main/electron uses the core, not the reverse.' },
  { regex: into('renderer'), message: 'The core never imports the renderer: the window talks to it through the IPC contract.' },
  { regex: into('cli'), message: 'The core never imports the CLI: the CLI is one of its callers.' },
];
const core = { paths: [electron, openai], patterns: [...corePatterns, openaiDeep] };
/** The core's rules, and one more folder this part of the core must not reach. */
const coreWithout = (folder, message) => ({ ...core, patterns: [...core.patterns, { regex: into(folder), message }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'test-results/**', 'bench/results/**', 'resources/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The preload is the bridge itself: contextBridge and ipcRenderer live in 'electron'.
    ignores: ['src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron, openai], patterns: [openaiDeep] }] },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [openai], patterns: [openaiDeep] }] },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', core] },
  },
  {
    files: ['src/main/core/ai/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: corePatterns }] },
  },
  {
    files: ['src/main/core/analysis/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreWithout('store', 'Analysis is pure: it is given the text and returns a result; the store calls it, never the reverse.')] },
  },
  {
    files: ['src/main/core/ingest/readers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreWithout('store', 'Readers never touch the database: they yield NewFeedback (ingest/types.ts) and the pipeline stores it.')] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, openai],
          patterns: [
            openaiDeep,
            { group: ['electron/*'], message: 'The CLI runs under plain Node: only src/main/electron may import electron.' },
            { regex: into('main/electron'), message: 'The CLI drives the core directly; src/main/electron is the window app only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, openai, ...database.map((name) => ({ name, message: 'src/shared is pure: no database code.' }))],
          patterns: [
            openaiDeep,
            { group: nodeBuiltins, message: 'src/shared is pure: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react/*', '@mantine/*', 'zustand'], message: 'src/shared is pure: no UI code.' },
            { group: ['**/main/**', '**/renderer/**', '**/cli/**', '**/preload/**'], message: 'src/shared imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, openai, ...database.map((name) => ({ name, message: 'The renderer talks to the core only through window.hearken.' }))],
          patterns: [
            openaiDeep,
            { group: ['**/main/**', '**/preload/**', '**/cli/**'], message: 'The renderer never imports the main process; use the typed client.' },
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [openai], patterns: [openaiDeep, { group: ['**/main/**', '**/renderer/**', '**/cli/**'], message: 'The preload only bridges the contract.' }] },
      ],
    },
  },
);
