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

module.exports = { projects };
