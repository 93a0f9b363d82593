/**
 * `@bashke/plugin-sdk/testing`: the test kit for plugin authors — a fake host
 * over a real test database (`TestHost`), fake capability services that
 * record what the plugin asked (`FakeCapabilities`), and the signing of
 * webhook calls. Time is Effect's `TestClock` (`TestHost.advance`). Node
 * only: it brings SQLite through `@bashke/persistence/testing`.
 */

export * as CapacityContract from "./CapacityContract"
export * as FakeCapabilities from "./FakeCapabilities"
export * as NoticesContract from "./NoticesContract"
export * as TestHost from "./TestHost"
