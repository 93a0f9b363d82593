// `node --test scripts/gateway-thin.test.mjs`: the check that keeps rules out
// of the gateway (issue 19) catches what it is for, passes the real sources,
// and is not fooled by comments.
import assert from "node:assert/strict"
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"
import { gatewayBreaches } from "./gateway-thin.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))

const sources = (dir) =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? sources(path) : entry.endsWith(".ts") ? [path] : []
  })

test("a Forbidden built anywhere in the gateway is a breach", () => {
  const text = `const deny = () => Effect.fail(new Errors.Forbidden({ action, rule: "policy.role.not-permitted" }))`
  assert.equal(gatewayBreaches([{ path: "apps/gateway/src/plugins/Any.ts", text }]).length, 1)
  assert.equal(gatewayBreaches([{ path: "apps/gateway/src/routes/Any.ts", text: "new Forbidden({})" }]).length, 1)
})

test("a route reaching a repository or the SQL client is a breach", () => {
  const text = "const all = yield* Effect.flatMap(ReferralRepository.ReferralRepository, (r) => r.forCase(id))"
  assert.equal(gatewayBreaches([{ path: "apps/gateway/src/routes/Referrals.ts", text }]).length, 1)
  assert.equal(
    gatewayBreaches([{ path: "apps/gateway/src/routes/X.ts", text: "yield* SqlClient.SqlClient" }]).length,
    1,
  )
  // The wiring may reach the SQL client and an SQL adapter's layer.
  assert.deepEqual(
    gatewayBreaches([
      { path: "apps/gateway/src/Services.ts", text: "Layer.merge(SqlActionPlanRepository.layer, SqlClient.layer)" },
    ]),
    [],
  )
})

test("a port, a runner or the demo reading a repository is a breach", () => {
  const text = "Effect.map(CaseRepository.CaseRepository, (repository) => ({ of: repository.find }))"
  for (const path of [
    "apps/gateway/src/Ports.ts",
    "apps/gateway/src/OrderExpiryRunner.ts",
    "apps/gateway/src/demo/X.ts",
  ])
    assert.equal(gatewayBreaches([{ path, text }]).length, 1)
  assert.equal(
    gatewayBreaches([
      { path: "apps/gateway/src/Ports.ts", text: "const cases = yield* ReferralRepository.ReferralRepository" },
    ]).length,
    1,
  )
})

test("comments and other workspaces are not breaches", () => {
  const text = [
    "/**",
    " * Refused with `Forbidden` (`new Errors.Forbidden`) by the package; the CaseRepository is not read here.",
    " */",
    "// new Errors.Forbidden({}) and SqlClient",
    "const url = 'https://example.org' // CaseRepository",
  ].join("\n")
  assert.deepEqual(gatewayBreaches([{ path: "apps/gateway/src/routes/X.ts", text }]), [])
  assert.deepEqual(
    gatewayBreaches([{ path: "packages/security/src/AccessPolicy.ts", text: "new Errors.Forbidden({})" }]),
    [],
  )
})

test("the gateway's sources today hold no breach", () => {
  const files = sources(join(root, "apps/gateway/src")).map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, "utf8"),
  }))
  assert.ok(files.length > 50)
  assert.deepEqual(gatewayBreaches(files), [])
})
