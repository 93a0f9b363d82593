/**
 * The screens of issue 18 — corrections, case transfer, closed cases with
 * reopening and erasure, the subject-access export — as one module, so the
 * router imports them from one place (one chunk, one preload list in the
 * first page's script).
 */
export { CaseCorrections } from "./case/CaseCorrections"
export { CaseTransfer } from "./case/CaseTransfer"
export { Transfers } from "./case/Transfers"
export { ClosedCases } from "./closed/ClosedCases"
export { SubjectAccess } from "./closed/SubjectAccess"
