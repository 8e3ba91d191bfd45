// Shared Jest settings: @swc/jest transpiles TS (decorator metadata on, ~2x faster than ts-jest here).
const path = require('node:path');

module.exports = (projectDir, displayName) => ({
  displayName,
  rootDir: projectDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only dependencies (Node requires them natively; Jest's module system needs them as CommonJS)
  transformIgnorePatterns: ['/node_modules/(?!(@apidevtools/json-schema-ref-parser)/)'],
  transform: {
    '^.+\\.(ts|js)$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: [path.join(__dirname, 'tools/jest-setup.cjs')],
});
