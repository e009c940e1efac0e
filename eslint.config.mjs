import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.mjs';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-output/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, svelteConfig },
    },
  },
  {
    // The engine runs in plain Node: the CLI, the HTTP server and the tests use it without Electron.
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The engine must not import Electron.' }],
          patterns: [
            { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'The engine stands alone.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    // The renderer reaches the backend only through lib/client.ts.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.svelte'],
    ignores: ['renderer/src/lib/client.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'quarry', message: 'Use lib/client.ts.' },
      ],
    },
  },
  {
    files: ['eslint.config.mjs', 'svelte.config.mjs', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
