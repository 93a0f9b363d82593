/**
 * `@bashke/security`: field encryption of personal data (`Vault`, `Rotation`),
 * blind indexes (`BlindIndex`), the hash-chained audit log (`AuditEntry`,
 * `AuditChain`, `AuditLog`, `securityMigrations`) and the access policy
 * (`AccessPolicy`). WebCrypto only: runs on Node and on Cloudflare Workers.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as AccessPolicy from "./AccessPolicy"

/**
 * @since 0.1.0
 */
export * as AuditChain from "./AuditChain"

/**
 * Signed checkpoints of the audit chain's head, published outside the database.
 *
 * @since 0.1.0
 */
export * as AuditCheckpoint from "./AuditCheckpoint"

/**
 * @since 0.1.0
 */
export * as AuditEntry from "./AuditEntry"

/**
 * @since 0.1.0
 */
export * as AuditLog from "./AuditLog"

/**
 * The auditor's questions: who read or changed a case's or a person's data, when, why.
 *
 * @since 0.1.0
 */
export * as AuditTrail from "./AuditTrail"

/**
 * @since 0.1.0
 */
export * as BlindIndex from "./BlindIndex"

/**
 * Break-glass: who may read in an emergency, the reason codes, the minimum reason.
 *
 * @since 0.1.0
 */
export * as BreakGlass from "./BreakGlass"

/**
 * @since 0.1.0
 */
export * as NoticePolicy from "./NoticePolicy"

/**
 * @since 0.1.0
 */
export * as Purpose from "./Purpose"

/**
 * @since 0.1.0
 */
export * as Rotation from "./Rotation"
/**
 * @since 0.1.0
 */
export { securityMessages } from "./SecurityMessages"
/**
 * @since 0.1.0
 */
export { securityMigrations } from "./SecurityMigrations"

/**
 * @since 0.1.0
 */
export * as Vault from "./Vault"
