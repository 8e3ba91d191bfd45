// Root Jest config: one run over every project that has a jest.config.cjs (each also runs alone via `nx test <project>`).
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs', 'sensors']
  .flatMap((group) =>
    existsSync(join(__dirname, group))
      ? readdirSync(join(__dirname, group)).map((name) => join(__dirname, group, name))
      : [],
  )
  .concat(join(__dirname, 'test'))
  .filter((dir) => existsSync(join(dir, 'jest.config.cjs')));

// testTimeout is a global option (ignored inside projects): e2e specs start processes and ClickHouse,
// which takes seconds on a loaded 2-core machine.
module.exports = { projects, testTimeout: 60_000 };
