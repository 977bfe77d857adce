// Test entry of the Restricted Mode suite: the same mocha runner as test/integration (bundled
// in, so it loads the *.test.js files next to this file, in out/test/integration-restricted/).
// scripts/run-integration.mjs runs it in a second VS Code server with workspace trust on, where
// the fixture folder (fixtures/workspace) is not trusted.
export { run, START_MARKER } from '../integration/index';
