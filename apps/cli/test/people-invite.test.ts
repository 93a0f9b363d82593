// `bashke people invite` as an operator runs it, against a SQLite file: the
// person added and a one-time invitation link printed once (it redeems, once,
// for that person); a malformed request or an email already taken stops with
// one line that echoes neither the name nor the address, and adds no one.
import { mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { People, SignInLinks } from "@bashke/identity"
import { Id } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { AuditLog, BlindIndex, Vault } from "@bashke/security"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, Redacted } from "effect"
import { spawnAsync } from "./support/Spawn"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const dir = mkdtempSync(join(tmpdir(), "bashke-invite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, "bashke.db")

// Public test material: the vault's and the blind index's test keys.
const env = {
  BASHKE_LOCALE: "en",
  BASHKE_DATABASE_URL: `sqlite:${file}`,
  BASHKE_PUBLIC_ORIGIN: "https://bashke.gjilan.example",
  BASHKE_VAULT_KEYS: Vault.testKeys
    .map((key) => `${key.id}:${Buffer.from(Redacted.value(key.material)).toString("base64")}`)
    .join(","),
  BASHKE_BLIND_INDEX_KEY: Buffer.from(Redacted.value(BlindIndex.testKey)).toString("base64"),
}

const bashke = (args: Array<string>) =>
  spawnAsync(process.execPath, ["--import", tsx, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
  })

const inStore = <A, E>(effect: Effect.Effect<A, E, SignInLinks.SignInLinks | People.People>) =>
  Effect.runPromiseExit(
    Effect.gen(function* () {
      const parsed = yield* DatabaseUrl.decode(`sqlite:${file}`)
      return yield* effect.pipe(
        Effect.provide(
          SignInLinks.layerSql.pipe(
            Layer.provideMerge(People.layerSql),
            Layer.provideMerge(AuditLog.layer),
            Layer.provideMerge(Layer.mergeAll(Database.layer(parsed), Vault.layerTest, BlindIndex.layerTest, Id.layer)),
          ),
        ),
      )
    }) as Effect.Effect<A, E>,
  )

describe("bashke people invite", () => {
  it("adds the person and prints a one-time invitation link once; refusals echo nothing and add no one", async () => {
    const invite = [
      "people",
      "invite",
      ...["--name", "Arta Krasniqi", "--email", "arta.krasniqi@agency.example", "--language", "sq"],
      ...["--role", "auditor"],
    ]
    const made = await bashke(invite)
    expect(made.stderr).toBe("")
    expect(made.status).toBe(0)
    const id = /Person ([0-9A-Z]{26}) invited/.exec(made.stdout)?.[1]
    const token = /^https:\/\/bashke\.gjilan\.example\/invitation#token=(bsl_[\w-]{43})$/m.exec(made.stdout)?.[1]
    expect(id).toBeDefined()
    expect(token).toBeDefined()
    expect(made.stdout).not.toContain("arta.krasniqi")
    const redeem = () =>
      inStore(Effect.flatMap(SignInLinks.SignInLinks, (links) => links.redeem(token as string, "invitation")))
    expect(await redeem()).toEqual(Exit.succeed(id))
    expect(Exit.isFailure(await redeem())).toBe(true)

    const taken = await bashke(invite)
    expect(taken.status).toBe(1)
    expect(taken.stderr.trim()).toBe("The invitation was not made: This email address already belongs to a person.")
    const malformed = await bashke([
      "people",
      "invite",
      ...["--name", "Arta Krasniqi", "--email", "arta at agency", "--language", "sq", "--role", "auditor"],
    ])
    expect(malformed.status).toBe(1)
    expect(malformed.stderr).toContain("Invalid invitation: email")
    expect(malformed.stderr).not.toContain("arta at agency")
    const unplaced = await bashke([
      "people",
      "invite",
      ...[
        "--name",
        "Drita Hoxha",
        "--email",
        "drita.hoxha@agency.example",
        "--language",
        "en",
        "--role",
        "case-worker",
      ],
    ])
    expect(unplaced.status).toBe(1)
    expect(unplaced.stderr).not.toContain("drita")
    const count = await inStore(
      Effect.flatMap(People.People, (people) => people.findByEmail("drita.hoxha@agency.example")),
    )
    expect(Exit.map(count, (found) => found._tag)).toEqual(Exit.succeed("None"))
  })
})
