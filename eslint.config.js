// @ts-check
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/vitest.config.ts',
      '**/tsup.config.ts',
      'vitest.*.ts',
      'tsup.config.base.ts',
      'eslint.config.js',
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/coverage/**',
      'examples/**/*.mjs',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'tools/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'typeParameter', format: ['PascalCase'], custom: { regex: '^T([A-Z]|$)', match: true } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-params': ['error', 3],
      eqeqeq: ['error', 'always', { null: 'never' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@hive-batch/*/src', '@hive-batch/*/src/**'], message: 'Import the package by name.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // Typed-array inner loops: the loop bound guarantees the index, so `!` reads are allowed here only.
    files: ['packages/*/src/kernels/**', 'packages/aggregate/src/internal/percentile/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Config files must default-export for their tools.
    files: ['*.config.ts', '*.config.js', 'packages/*/*.config.ts', 'packages/*/*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['packages/*/test/**', 'packages/*/bench/**'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'max-params': 'off',
    },
  },
  {
    // Plain ESM scripts (repo tools, worker entries): Node globals, no type information to check against.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'module',
      parserOptions: { project: false, program: null, projectService: false },
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        globalThis: 'readonly',
      },
    },
  },
  prettier,
);
