// Slow multi-process runs kept out of `npm test` (run with `npm run test:slow`): the distributed-mode
// comparison starts Kafka, a ClickHouse gateway, three pipeline workers and the API.
module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'e2e-slow'),
  testMatch: ['<rootDir>/**/*.slow-spec.ts'],
  testTimeout: 300_000,
};
