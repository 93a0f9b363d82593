// A malformed BASHKE_SMTP_URL stops the start — of the gateway and of
// `bashke worker` — before anything is opened, naming the variable and never
// quoting the value (it may carry the SMTP password). Issue 17's bad input.
import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import * as fc from "fast-check"
import { readConfig } from "../src/NotificationSettings"
import { ConfigInvalid, start, startWorker } from "../src/Server"

const malformed = [
  "http://mail.example.org:25",
  "smtp://user:s3cret-pass@mail.example.org:99999",
  "smtp://user:s3cret-pass@mail.example.org:25/path",
  "smtp://user:s3cret-pass@mail.example.org:25#fragment",
  "mail.example.org",
  "smtp://",
]

const refusal = (started: () => Promise<{ readonly close: () => Promise<void> }>) =>
  started().then(
    async (running) => {
      await running.close()
      return undefined
    },
    (error: unknown) => error,
  )

describe("BASHKE_SMTP_URL at start", () => {
  it("a malformed value stops the gateway and the worker, naming the variable, quoting nothing", async () => {
    for (const value of malformed) {
      const env = { BASHKE_SMTP_URL: value, BASHKE_SCHEDULER: "off", PORT: "0" }
      for (const error of [
        await refusal(() => start({ databaseUrl: "sqlite::memory:", env })),
        await refusal(() => startWorker({ databaseUrl: "sqlite::memory:", env })),
      ]) {
        expect(error, value).toBeInstanceOf(ConfigInvalid)
        expect((error as ConfigInvalid).variable).toBe("BASHKE_SMTP_URL")
        expect((error as ConfigInvalid).message).not.toContain("s3cret")
        expect((error as ConfigInvalid).message).not.toContain("mail.example.org")
      }
    }
  })

  it("whatever the value, a refusal names the variable and never quotes it; a well-formed one passes", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        try {
          const config = readConfig({ BASHKE_SMTP_URL: value })
          // Accepted: only an smtp(s) URL with a host, or a blank value (email off).
          expect(value.trim() === "" || /^\s*smtps?:\/\/./i.test(value)).toBe(true)
          expect(Option.isNone(config.email.smtp)).toBe(value.trim() === "")
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigInvalid)
          expect((error as ConfigInvalid).variable).toBe("BASHKE_SMTP_URL")
          if (value.trim().length > 3) expect((error as ConfigInvalid).message).not.toContain(value.trim())
        }
      }),
    )
    expect(
      Option.map(readConfig({ BASHKE_SMTP_URL: "smtps://user:pw@mail.example.org" }).email.smtp, (smtp) => smtp.port),
    ).toEqual(Option.some(465))
  })
})
