import { Catalogue, Instant } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import { AuditCheckpoint, AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Option } from "effect"
import * as AuditCheckpoints from "../AuditCheckpoints"
import * as Command from "../Command"
import { withDatabase } from "../Database"

const messages = Catalogue.make({
  "cli.audit-checkpoint.summary": {
    sq: "nënshkruan kokën e zinxhirit të auditimit dhe e publikon",
    "sr-Latn": "potpisuje vrh lanca revizije i objavljuje ga",
    en: "signs the audit chain's head and publishes it",
  },
  "cli.audit-checkpoint.help": {
    sq: "Përdorimi: bashke audit checkpoint\n\nNënshkruan me BASHKE_AUDIT_SIGNING_KEY (Ed25519) kokën e zinxhirit të auditimit, numrin e hyrjeve dhe kohën, e shton si një rresht JSON në BASHKE_AUDIT_CHECKPOINT_FILE (kur është caktuar) dhe e shkruan si ngjarje audit.checkpoint në outbox, që një depo e jashtme ta mbajë. Niseni në intervale (cron, systemd timer); bashke audit verify kontrollon pikën e fundit.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS: shih README.",
    "sr-Latn":
      "Upotreba: bashke audit checkpoint\n\nKljučem BASHKE_AUDIT_SIGNING_KEY (Ed25519) potpisuje vrh lanca revizije, broj unosa i vreme, dodaje ga kao JSON red u BASHKE_AUDIT_CHECKPOINT_FILE (kada je zadat) i upisuje ga kao događaj audit.checkpoint u outbox, da ga spoljno skladište sačuva. Pokrećite ga u razmacima (cron, systemd timer); bashke audit verify proverava poslednju tačku.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS: vidi README.",
    en: "Usage: bashke audit checkpoint\n\nSigns the audit chain's head, its number of entries and the time with BASHKE_AUDIT_SIGNING_KEY (Ed25519), appends it as one JSON line to BASHKE_AUDIT_CHECKPOINT_FILE (when set) and writes it as an audit.checkpoint outbox event for an external store to keep. Run it at intervals (cron, a systemd timer); bashke audit verify checks the last one.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS: see the README.",
  },
  "cli.audit-checkpoint.signed": {
    sq: "Pika e nënshkruar: hyrja {seq}, {at}, çelësi {key}.",
    "sr-Latn": "Potpisana kontrolna tačka: unos {seq}, {at}, ključ {key}.",
    en: "Signed checkpoint: entry {seq}, {at}, key {key}.",
  },
})

/** The outbox topic of a published checkpoint: hashes and counts only, never personal data. */
export const topic = "audit.checkpoint"

/** `bashke audit checkpoint`. */
export const command = Command.make({
  words: ["audit", "checkpoint"],
  messages,
  summary: "cli.audit-checkpoint.summary",
  help: "cli.audit-checkpoint.help",
  flags: [],
  run: (input) =>
    Effect.gen(function* () {
      // The key first: a missing or malformed one stops the command before the database is opened.
      const key = yield* AuditCheckpoints.signingKey
      const checkpoint = yield* withDatabase(
        input.locale,
        Effect.gen(function* () {
          const head = yield* Effect.flatMap(AuditLog.AuditLog, (log) => log.head)
          const signed = yield* AuditCheckpoint.sign(key, head, yield* Instant.now)
          const sql = yield* SqlClient.SqlClient
          yield* sql.withTransaction(
            Outbox.append({ topic, aggregateType: "AuditLog", aggregateId: "audit-log", payload: { ...signed } }),
          )
          return signed
        }).pipe(Effect.provide(AuditCheckpoints.auditLog)),
      )
      if (Option.isSome(AuditCheckpoints.checkpointFile))
        yield* AuditCheckpoints.appendCheckpoint(AuditCheckpoints.checkpointFile.value, checkpoint)
      yield* input.say("cli.audit-checkpoint.signed", { seq: checkpoint.seq, at: checkpoint.at, key: checkpoint.key })
    }).pipe(
      Effect.catchTag("AuditSettingInvalid", (error) => input.stop("cli.audit.setting", { variable: error.variable })),
    ),
})
