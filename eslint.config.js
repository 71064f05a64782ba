// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * Import direction (STYLE.md): routes -> features -> components/lib -> api.
 * A feature does not import another feature's internals. mocks/ only imports
 * app/api types and pure helpers. No cycles anywhere.
 */
const features = [
  'experiments',
  'runs',
  'run',
  'compare',
  'artifacts',
  'traces',
  'registry',
  'shell',
  'logged-models',
  'sessions',
  'prompts',
  'evaluations',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.runlens-tmp',
      'bench/results.json',
      '.venvs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import-x/no-cycle': ['error', { maxDepth: 12, ignoreExternal: true }],
      // A file that grows past this has two jobs: split it (issue #19).
      'max-lines': ['error', { max: 400 }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // api is the bottom layer: it imports nothing of the app.
            {
              target: './app/api',
              from: ['./app/features', './app/routes', './app/components', './app/lib', './mocks'],
            },
            // shared components and helpers do not reach up.
            { target: './app/components', from: ['./app/features', './app/routes'] },
            { target: './app/lib', from: ['./app/features', './app/routes', './app/components'] },
            // features do not import routes.
            { target: './app/features', from: './app/routes' },
            // one feature does not import another feature's internals.
            ...features.map((f) => ({
              target: `./app/features/${f}`,
              from: './app/features',
              except: [`./${f}`],
            })),
            // mocks see only app/api (types, pure decoders) and app/lib pure helpers.
            { target: './mocks', from: ['./app/features', './app/routes', './app/components'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
