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

// testTimeout is read from the root config only when projects run together (jest-circus takes the
// global one): the 60 s the e2e project asks for must be set here, or CLI tests time out at 5 s on a busy machine.
module.exports = { projects, testTimeout: 60_000 };
