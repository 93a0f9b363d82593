/**
 * `@bashke/plugin-sdk`: the contract between Bashkë and its connector plugins
 * — `definePlugin` with a manifest and capabilities, the capability services
 * the host application provides, the hooks (pulls with cursors, inbox
 * processing, outbox subscriptions, signed webhooks) — and the `PluginHost`
 * that runs them with timeouts, circuit breakers and dead letters. Driver-free
 * and WebCrypto-only: runs on Node and on Cloudflare Workers. The test kit is
 * `@bashke/plugin-sdk/testing`.
 */

export * as Capability from "./Capability"

export * as CircuitBreaker from "./CircuitBreaker"

export * as DeadLetter from "./DeadLetter"

export * as DirectoryCapacity from "./DirectoryCapacity"

export * as Hooks from "./Hooks"

export * as HostApi from "./HostApi"
export { hostApiVersion } from "./HostApi"

export * as HostConfig from "./HostConfig"

export * as IncidentImport from "./IncidentImport"

export * as Manifest from "./Manifest"

export * as Notices from "./Notices"

export * as PersonMatch from "./PersonMatch"

export * as Plugin from "./Plugin"
export { definePlugin } from "./Plugin"

export * as PluginFailure from "./PluginFailure"

export * as PluginHost from "./PluginHost"

export * as PluginIdentity from "./PluginIdentity"

export * as PluginLoader from "./PluginLoader"

export * as PluginPolicy from "./PluginPolicy"
export { pluginSdkMessages } from "./PluginSdkMessages"
export { pluginSdkMigrations } from "./PluginSdkMigrations"

export * as PluginStartError from "./PluginStartError"

export * as ProtectionOrderSync from "./ProtectionOrderSync"

export * as RecordRef from "./RecordRef"

export * as ReviewQueue from "./ReviewQueue"

export * as WebhookSignature from "./WebhookSignature"
