import { Catalogue } from "@bashke/kernel"
import { AuditCheckpoint, AuditLog } from "@bashke/security"
import { Effect, Option } from "effect"
import * as AuditCheckpoints from "../AuditCheckpoints"
import * as Command from "../Command"
import { withDatabase } from "../Database"

const messages = Catalogue.make({
  "cli.audit-verify.summary": {
    sq: "verifikon zinxhirin e regjistrit të auditimit",
    "sr-Latn": "proverava lanac dnevnika revizije",
    en: "verifies the audit log's hash chain",
  },
  "cli.audit-verify.help": {
    sq: "Përdorimi: bashke audit verify\n\nRillogarit çdo hyrje të regjistrit të auditimit dhe lidhjen e saj me të mëparshmen, pastaj kontrollon pikën e fundit të nënshkruar në BASHKE_AUDIT_CHECKPOINT_FILE: nënshkrimin e saj me BASHKE_AUDIT_PUBLIC_KEY (ose çelësin e BASHKE_AUDIT_SIGNING_KEY) dhe që zinxhiri e mban ende hyrjen e saj. Del me 0 kur zinxhiri është i plotë, me 1 dhe lidhjen e parë të thyer kur jo.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS: shih README.",
    "sr-Latn":
      "Upotreba: bashke audit verify\n\nPonovo računa svaki unos dnevnika revizije i njegovu vezu sa prethodnim, zatim proverava poslednju potpisanu kontrolnu tačku u BASHKE_AUDIT_CHECKPOINT_FILE: njen potpis ključem BASHKE_AUDIT_PUBLIC_KEY (ili ključem iz BASHKE_AUDIT_SIGNING_KEY) i da lanac i dalje sadrži njen unos. Izlazi sa 0 kada je lanac ceo, sa 1 i prvom prekinutom vezom kada nije.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS: vidi README.",
    en: "Usage: bashke audit verify\n\nRecomputes every entry of the audit log and its link to the one before, then checks the last signed checkpoint in BASHKE_AUDIT_CHECKPOINT_FILE: its signature with BASHKE_AUDIT_PUBLIC_KEY (or the key of BASHKE_AUDIT_SIGNING_KEY), and that the chain still holds its entry. Exits 0 when the chain is whole, 1 with the first broken link when it is not.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS: see the README.",
  },
  "cli.audit-verify.intact": {
    sq: "Zinxhiri i auditimit është i plotë: {entries} hyrje.",
    "sr-Latn": "Lanac revizije je ceo: {entries} unosa.",
    en: "The audit chain is whole: {entries} entries.",
  },
  "cli.audit-verify.checkpoint-held": {
    sq: "Mban pikën e nënshkruar të {at} (hyrja {seq}).",
    "sr-Latn": "Sadrži potpisanu kontrolnu tačku od {at} (unos {seq}).",
    en: "It holds the signed checkpoint of {at} (entry {seq}).",
  },
  "cli.audit-verify.no-checkpoint": {
    sq: "Asnjë pikë e nënshkruar për ta krahasuar: zinxhiri i rillogaritur nuk do të dallohej (shih bashke audit checkpoint).",
    "sr-Latn":
      "Nema potpisane kontrolne tačke za poređenje: ponovo izračunat lanac ne bi se primetio (vidi bashke audit checkpoint).",
    en: "No signed checkpoint to compare with: a recomputed chain would go unnoticed (see bashke audit checkpoint).",
  },
  "cli.audit-verify.broken": {
    sq: "Zinxhiri i auditimit është thyer te hyrja {seq}: {reason}.",
    "sr-Latn": "Lanac revizije je prekinut kod unosa {seq}: {reason}.",
    en: "The audit chain is broken at entry {seq}: {reason}.",
  },
})

/** `bashke audit verify`: exit code 0 for a whole chain, 1 with the first broken link. */
export const command = Command.make({
  words: ["audit", "verify"],
  messages,
  summary: "cli.audit-verify.summary",
  help: "cli.audit-verify.help",
  flags: [],
  run: (input) =>
    Effect.gen(function* () {
      // Settings first: a missing key or file stops the command before the database is opened.
      const key = yield* AuditCheckpoints.verifyingKey
      const checkpoint = yield* AuditCheckpoints.lastCheckpoint(AuditCheckpoints.checkpointFile)
      const finding = yield* withDatabase(
        input.locale,
        Effect.flatMap(AuditLog.AuditLog, (log) => AuditCheckpoint.check(log, key, checkpoint)).pipe(
          Effect.provide(AuditCheckpoints.auditLog),
        ),
      )
      if (!finding.ok)
        return yield* input.stop("cli.audit-verify.broken", { seq: finding.firstBrokenSeq, reason: finding.reason })
      yield* input.say("cli.audit-verify.intact", { entries: finding.entries })
      yield* Option.match(finding.checkpoint, {
        onNone: () => input.say("cli.audit-verify.no-checkpoint"),
        onSome: (held) => input.say("cli.audit-verify.checkpoint-held", { at: held.at, seq: held.seq }),
      })
    }).pipe(
      Effect.catchTag("AuditSettingInvalid", (error) => input.stop("cli.audit.setting", { variable: error.variable })),
    ),
})
