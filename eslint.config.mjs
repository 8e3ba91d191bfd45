// Flat ESLint config: type-aware rules, Nx module boundaries with real tags (see STYLE.md).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const noIo = [
  '@nestjs/*',
  'kafkajs',
  '@clickhouse/client',
  'chdb',
  'express',
  'fs',
  'node:fs',
  'net',
  'node:net',
  'http',
  'node:http',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules', '**/dist', '**/coverage', '.nx', 'tmp', '**/*.cjs', '**/*.mjs', '**/*.js'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          // the CLI loads heavy libraries only on the paths that use them (a sensor with a stdout sink
          // never needs kafkajs; `sensor pcap` starts its worker threads before loading the sensor);
          // other CLI files import them statically, which is fine for a CLI
          checkDynamicDependenciesExceptions: ['@apiscope/transport', '@apiscope/sensor-pcap'],
          depConstraints: [
            {
              sourceTag: 'type:cli',
              onlyDependOnLibsWithTags: ['type:app', 'type:feature', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'],
            },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: noIo },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: [
                'type:cli',
                'type:app',
                'type:feature',
                'type:data-access',
                'type:util',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'error',
    },
  },
  {
    // Tests may poke at values loosely; they still may not float promises.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
  prettier,
);
