// Root Jest config: one run over every project (each project's own jest.config.cjs also works via `nx test <project>`).
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.cjs',
    '<rootDir>/libs/*/jest.config.cjs',
    '<rootDir>/sensors/*/jest.config.cjs',
    '<rootDir>/test/jest.config.cjs',
  ],
};
