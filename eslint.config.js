// Lint rules: the recommended sets of ESLint and typescript-eslint, plus the house's few additions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests read untyped JSON answers.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain layer is pure: no I/O, no server or web imports.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '../server/*', '../web/*', 'fs', 'pg', 'kysely'] }],
    },
  },
  {
    // The API contract is read by the server and the web client alike: zod and the domain only.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '../server/*', '../web/*', 'fs', 'pg', 'kysely', 'fastify', 'react'] }],
    },
  },
  // Every eslint-disable says why, after "--".
  comments.recommended,
  { rules: { '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }] } },
  {
    // SQL lives in repositories (*.repo.ts) and db/ only (docs/architecture.md, issue 11). Tests and the benchmark's
    // hand-written reference statements are outside src/server's rule.
    files: ['src/server/**/*.ts'],
    ignores: ['**/*.repo.ts', 'src/server/db/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]',
          message: "Queries belong in the owning module's *.repo.ts (see src/server/db/owners.ts).",
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', importNames: ['sql'], message: "Raw SQL belongs in the owning module's *.repo.ts or in db/." }] },
      ],
    },
  },
  {
    // A service function reads in one screen: 80 lines at most, or an eslint-disable with the reason at its head.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/*.repo.ts', '**/*.cases.ts', '**/*.test.ts', '**/*.routes.ts', '**/*.schemas.ts', '**/*.fixtures.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
);
