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

// testTimeout is a global option: a project's own (test/jest.config.cjs: 60 s for the end-to-end
// specs that start the real command) is ignored when all projects run together.
module.exports = { projects, testTimeout: 60_000 };
