// Soak runs kept out of `npm test` and .ci/run (`npm run test:soak`): the 20-minute `apiscope up` under
// replayed traffic and the 1,000,000-call cardinality attack (APISCOPE_SOAK=1 scales it up).
process.env['APISCOPE_SOAK'] = '1';
module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'soak'),
  testMatch: ['<rootDir>/soak/**/*.soak-spec.ts', '<rootDir>/e2e/cardinality-attack.e2e-spec.ts'],
  testTimeout: 3_600_000,
  maxWorkers: 1,
};
