// The gateway stays thin (docs/architecture.md, "Where rules live"): it wires
// the domain packages' rules, it does not hold them. Two checks over its
// sources: no file builds a `Forbidden` (every permission decision is a
// package's policy: `AccessPolicy`, `MechanismPolicy`, `ReferralPolicy`, …),
// no route reaches a repository or the SQL client (a route calls a package's
// service or use case), and no other module — a port, a runner, the demo —
// reads a repository either (it asks the package's service; the service
// bundle holds services only). Wiring a package's SQL adapter into a layer
// (`SqlActionPlanRepository.layer`) is not a read.

const forbiddenBuilt = /new\s+(?:Errors\.)?Forbidden\s*\(|Forbidden\.make\s*\(/
const storeReached = /\b[A-Z][A-Za-z]*Repository\b|\bSqlClient\b/
// A repository's tag, as its module exports it: `CaseRepository.CaseRepository`.
const repositoryRead = /\b([A-Z][A-Za-z]*Repository)\.\1\b/

/** The lines of `text` outside comments, with their numbers (1-based). */
const codeLines = (text) => {
  const lines = []
  let inBlock = false
  for (const [index, raw] of text.split("\n").entries()) {
    let line = raw
    if (inBlock) {
      const end = line.indexOf("*/")
      if (end === -1) continue
      line = line.slice(end + 2)
      inBlock = false
    }
    line = line.replace(/\/\*.*?\*\//g, "")
    const start = line.indexOf("/*")
    if (start !== -1) {
      inBlock = true
      line = line.slice(0, start)
    }
    line = line.replace(/(^|[^:])\/\/.*$/, "$1")
    if (line.trim() !== "") lines.push({ number: index + 1, line })
  }
  return lines
}

/**
 * The breaches in the gateway's sources: `files` are `{ path, text }` with
 * paths relative to the repository root.
 */
export const gatewayBreaches = (files) => {
  const breaches = []
  for (const { path, text } of files) {
    if (!path.startsWith("apps/gateway/src/")) continue
    const route = path.startsWith("apps/gateway/src/routes/")
    for (const { number, line } of codeLines(text)) {
      if (forbiddenBuilt.test(line))
        breaches.push(`${path}:${number}: the gateway builds a Forbidden (decide it in the package's policy)`)
      if (route && storeReached.test(line))
        breaches.push(`${path}:${number}: a route reaches a repository or the SQL client (call a service)`)
      else if (repositoryRead.test(line))
        breaches.push(`${path}:${number}: the gateway reads a repository (ask the package's service)`)
    }
  }
  return breaches
}
