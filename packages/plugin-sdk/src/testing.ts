/**
 * `@bashke/plugin-sdk/testing`: the test kit for plugin authors — a fake host
 * over a real test database (`TestHost`), fake capability services that
 * record what the plugin asked (`FakeCapabilities`), and the signing of
 * webhook calls. Time is Effect's `TestClock` (`TestHost.advance`). Node
 * only: it brings SQLite through `@bashke/persistence/testing`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as CapacityContract from "./CapacityContract"
/**
 * @since 0.1.0
 */
export * as FakeCapabilities from "./FakeCapabilities"
/**
 * @since 0.1.0
 */
export * as NoticesContract from "./NoticesContract"
/**
 * @since 0.1.0
 */
export * as TestHost from "./TestHost"
