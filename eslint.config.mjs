// ESLint (flat config): the process boundaries of ARCHITECTURE.md "Rules" as a lint rule,
// plus a small set that keeps the code honest without churn. Run by `npm run lint`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { processBoundaries } from './scripts/eslint/processBoundaries.mjs';

/** browser globals that mean code runs in a page: never in native/ (the CLI and the bridge have no DOM) */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
  'requestAnimationFrame',
  'alert',
  'indexedDB',
];

export default tseslint.config(
  // what git ignores (build output, caches, test output) and the test fixtures' data
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'out/**',
      'tmp/**',
      '.cache/**',
      'test-output/**',
      'native/whisper/bin/**',
      'bench/results/**',
      'test/fixtures/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Japanese text and the patterns that read it use the ideographic space (U+3000) on purpose
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
      // untrusted names and whisper's output are cleaned of control characters by regular expressions on purpose
      'no-control-regex': 'off',
      // `let ok = false; try { ok = … } catch { ok = false }` spells out the failure value; not worth a rewrite
      'no-useless-assignment': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // the preload has its own tsconfig (it is bundled alone); vite.config.ts runs in Vite's Node
        projectService: {
          allowDefaultProject: ['renderer/vite.config.ts', 'electron/preload.ts'],
          defaultProject: 'electron/tsconfig.preload.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { gijiroku: { rules: { 'process-boundaries': processBoundaries } } },
    rules: {
      'gijiroku/process-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Native add-ons and optional packages are loaded with require() where they are needed, not at start:
      // sherpa-onnx-node only when VAD or diarization runs, @ffmpeg-installer/ffmpeg inside a try (it throws
      // where its platform package is missing), electron-builder's js-yaml and asar in the packaging test.
      '@typescript-eslint/no-require-imports': [
        'error',
        {
          allow: ['^sherpa-onnx-node$', '^@ffmpeg-installer/ffmpeg$', '^js-yaml$', '^@electron/asar$'],
        },
      ],
      // a promise nobody awaits loses its error: await it, return it, or say `void` on purpose
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }],
        },
      ],
    },
  },
  {
    files: ['native/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'native/ has no DOM: it runs in the CLI and the bridge.' })),
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['renderer/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.audioWorklet } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ignores: ['renderer/public/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // bin/gijiroku.js is the CommonJS entry that npm links
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
