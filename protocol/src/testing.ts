// Protocol: fixtures for tests of code that files or opens reports, as the
// package's second entry (@safety-by-design/protocol/testing), so no test
// reaches into the package's files and the main entry carries no fixtures.

export { ALEX, NOOR, ROOM, fixedEnvironment, message, messageReport } from "./report/testKit.ts";
