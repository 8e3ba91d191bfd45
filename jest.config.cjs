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

// A project's own testTimeout is ignored when projects run together (Jest reads it from the global
// config only): the e2e project's 60 s must be stated here too, or every e2e test gets 5 s.
module.exports = { projects, testTimeout: 60_000 };
