import { createRequire } from "node:module"
const require = createRequire(import.meta.url)
const Database = require(require.resolve("better-sqlite3", { paths: [require.resolve("@effect/sql-sqlite-node", { paths: [process.cwd() + "/../../packages/persistence"] })] }))
const stats = new Map<string, { n: number; ms: number }>()
const stmtProto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1"))
for (const m of ["run", "all", "get", "raw"]) {
  const orig = stmtProto[m]
  if (m === "raw") continue
  stmtProto[m] = function (this: { source: string }, ...args: unknown[]) {
    const t = performance.now()
    try { return orig.apply(this, args) } finally {
      const k = this.source.replace(/\s+/g, " ").slice(0, 140)
      const s = stats.get(k) ?? { n: 0, ms: 0 }
      s.n++; s.ms += performance.now() - t; stats.set(k, s)
    }
  }
}
export const report = () => {
  const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)
  for (const [k, s] of rows) console.log(s.ms.toFixed(0).padStart(7), String(s.n).padStart(7), k)
}
export const reset = () => stats.clear()
