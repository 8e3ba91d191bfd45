module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'e2e'),
  testTimeout: 60_000,
  setupFilesAfterEnv: [require('node:path').join(__dirname, 'support', 'e2e-timeout.setup.cjs')],
};
