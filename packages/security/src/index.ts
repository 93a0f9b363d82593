/**
 * `@bashke/security`: field encryption of personal data (`Vault`, `Rotation`),
 * blind indexes (`BlindIndex`), the hash-chained audit log (`AuditEntry`,
 * `AuditChain`, `AuditLog`, `securityMigrations`) and the access policy
 * (`AccessPolicy`). WebCrypto only: runs on Node and on Cloudflare Workers.
 */

export * as AccessPolicy from "./AccessPolicy"

export * as AuditChain from "./AuditChain"

/**
 * Signed checkpoints of the audit chain's head, published outside the database.
 */
export * as AuditCheckpoint from "./AuditCheckpoint"

export * as AuditEntry from "./AuditEntry"

export * as AuditLog from "./AuditLog"

/**
 * The auditor's questions: who read or changed a case's or a person's data, when, why.
 */
export * as AuditTrail from "./AuditTrail"

export * as BlindIndex from "./BlindIndex"
/**
 * Break-glass: who may read in an emergency, the reason codes, the minimum reason.
 */
export * as BreakGlass from "./BreakGlass"
/**
 * Each case's own data key, for crypto-shredding: erasing a case destroys it.
 */
export * as CaseKeys from "./CaseKeys"

export * as NoticePolicy from "./NoticePolicy"

export * as Purpose from "./Purpose"

export * as Rotation from "./Rotation"
export { securityMessages } from "./SecurityMessages"
export { securityMigrations } from "./SecurityMigrations"

export * as Vault from "./Vault"
