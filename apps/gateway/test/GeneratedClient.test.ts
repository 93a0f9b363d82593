// Issue 7's acceptance: a client generated from /openapi.json by third-party
// tools (openapi-typescript for the types, openapi-fetch for the calls)
// compiles under strict TypeScript and runs create case → refer → acknowledge
// against the gateway, on SQLite and PostgreSQL. Nothing here is ours but the
// gateway: the types come from the document it serves, the program is what an
// API caller would write.
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import type { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import createClient from "openapi-fetch"
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript"
import ts from "typescript"
import { seed } from "../src/demo/Seed"
import { institutions, principal } from "../src/demo/World"
import { databases, type Gateway, makeGateway } from "./support/Gateway"
import { mistaken, type Outcome, program, type Setting } from "./support/GeneratedClientProgram"

// openapi-fetch's declarations, for a program compiled outside this package's node_modules.
const openapiFetchTypes = join(
  dirname(realpathSync(createRequire(import.meta.url).resolve("openapi-fetch"))),
  "index.d.mts",
)

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  // The generated schema.ts and the program are checked in full; only .d.ts files are skipped.
  skipLibCheck: true,
  paths: { "openapi-fetch": [openapiFetchTypes] },
}

/** tsc's diagnostics for `entry` (and what it imports), one line each. */
const compile = (entry: string): ReadonlyArray<string> => {
  const built = ts.createProgram([entry], compilerOptions)
  return ts
    .getPreEmitDiagnostics(built)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: a client generated from /openapi.json`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    let directory: string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      directory = mkdtempSync(join(tmpdir(), "bashke-generated-client-"))

      // What a third party does: fetch the description, generate the types.
      const served = await gateway.request("GET", "/openapi.json")
      expect(served.status).toBe(200)
      const document = (await served.json()) as OpenAPI3
      writeFileSync(join(directory, "schema.ts"), astToString(await openapiTS(document)))
      writeFileSync(join(directory, "program.ts"), program)
      writeFileSync(join(directory, "mistaken.ts"), mistaken)
    })
    afterAll(async () => {
      await gateway.close()
      rmSync(directory, { recursive: true, force: true })
    })

    it("generates types for the flow's operations", () => {
      const schema = readFileSync(join(directory, "schema.ts"), "utf8")
      for (const operation of ["openCase", "giveConsent", "sendReferral", "acknowledgeReferral"]) {
        expect(schema).toContain(`    ${operation}: {`)
      }
    })

    it("compiles the client program with strict tsc, and refuses a program that breaks the API's types", () => {
      expect(compile(join(directory, "program.ts"))).toEqual([])
      const errors = compile(join(directory, "mistaken.ts"))
      expect(errors.join("\n")).toMatch(/Gjilan/)
      expect(errors.join("\n")).toMatch(/persons/)
    })

    it("runs create case → refer → acknowledge through openapi-fetch", async () => {
      const transpiled = ts.transpileModule(program, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      })
      writeFileSync(join(directory, "program.mjs"), transpiled.outputText)
      const compiled = (await import(/* @vite-ignore */ pathToFileURL(join(directory, "program.mjs")).href)) as {
        run: (create: typeof createClient, setting: Setting) => Promise<Outcome>
      }

      const setting: Setting = {
        fetch: (request) => Promise.resolve(gateway.app.fetch(request)),
        tokens: {
          police: await gateway.tokenFor(principal("policeOfficer", mechanismId)),
          shelter: await gateway.tokenFor(principal("shelterWorker", mechanismId)),
          coordinator: await gateway.tokenFor(principal("coordinator", mechanismId)),
        },
        mechanismId,
        shelterInstitution: institutions.shelter.id,
      }
      const outcome = await compiled.run(createClient, setting)

      expect(outcome.statuses).toEqual(["sent", "acknowledged"])
      expect(outcome.etags).toEqual(['"1"', '"2"'])

      // The gateway holds what the client was told.
      const read = await gateway.request("GET", `/v1/referrals/${outcome.referralId}`, {
        token: setting.tokens.shelter,
      })
      expect(read.status).toBe(200)
      expect(read.headers.get("etag")).toBe('"2"')
      expect(await read.json()).toMatchObject({
        id: outcome.referralId,
        case: outcome.caseId,
        service: outcome.serviceId,
        to: institutions.shelter.id,
        status: "acknowledged",
      })
    })
  })
}
