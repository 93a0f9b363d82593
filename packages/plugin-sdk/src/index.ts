/**
 * `@bashke/plugin-sdk`: the contract between Bashkë and its connector plugins
 * — `definePlugin` with a manifest and capabilities, the capability services
 * the host application provides, the hooks (pulls with cursors, inbox
 * processing, outbox subscriptions, signed webhooks) — and the `PluginHost`
 * that runs them with timeouts, circuit breakers and dead letters. Driver-free
 * and WebCrypto-only: runs on Node and on Cloudflare Workers. The test kit is
 * `@bashke/plugin-sdk/testing`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Capability from "./Capability"

/**
 * @since 0.1.0
 */
export * as CircuitBreaker from "./CircuitBreaker"

/**
 * @since 0.1.0
 */
export * as DeadLetter from "./DeadLetter"

/**
 * @since 0.1.0
 */
export * as DirectoryCapacity from "./DirectoryCapacity"

/**
 * @since 0.1.0
 */
export * as Hooks from "./Hooks"

/**
 * @since 0.1.0
 */
export * as HostApi from "./HostApi"
/**
 * @since 0.1.0
 */
export { hostApiVersion } from "./HostApi"

/**
 * @since 0.1.0
 */
export * as HostConfig from "./HostConfig"

/**
 * @since 0.1.0
 */
export * as IncidentImport from "./IncidentImport"

/**
 * @since 0.1.0
 */
export * as Manifest from "./Manifest"

/**
 * @since 0.1.0
 */
export * as Notices from "./Notices"

/**
 * @since 0.1.0
 */
export * as PersonMatch from "./PersonMatch"

/**
 * @since 0.1.0
 */
export * as Plugin from "./Plugin"
/**
 * @since 0.1.0
 */
export { definePlugin } from "./Plugin"

/**
 * @since 0.1.0
 */
export * as PluginFailure from "./PluginFailure"

/**
 * @since 0.1.0
 */
export * as PluginHost from "./PluginHost"

/**
 * @since 0.1.0
 */
export * as PluginIdentity from "./PluginIdentity"

/**
 * @since 0.1.0
 */
export * as PluginLoader from "./PluginLoader"
/**
 * @since 0.1.0
 */
export { pluginSdkMessages } from "./PluginSdkMessages"
/**
 * @since 0.1.0
 */
export { pluginSdkMigrations } from "./PluginSdkMigrations"

/**
 * @since 0.1.0
 */
export * as PluginStartError from "./PluginStartError"

/**
 * @since 0.1.0
 */
export * as ProtectionOrderSync from "./ProtectionOrderSync"

/**
 * @since 0.1.0
 */
export * as RecordRef from "./RecordRef"

/**
 * @since 0.1.0
 */
export * as ReviewQueue from "./ReviewQueue"

/**
 * @since 0.1.0
 */
export * as WebhookSignature from "./WebhookSignature"
