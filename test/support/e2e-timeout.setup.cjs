// End-to-end tests spawn processes and open embedded ClickHouse: give them time even in the root
// multi-project run, where a project's own `testTimeout` is not applied (it is a global option there).
jest.setTimeout(60_000);
