import { checkNotificationSettings, startWorker } from "@bashke/gateway/server"
import { Catalogue } from "@bashke/kernel"
import { Effect } from "effect"
import * as Command from "../Command"
import { withDatabase } from "../Database"
import { migrate } from "../Migrate"

const messages = Catalogue.make({
  "cli.worker.summary": {
    sq: "nis planifikuesin e njoftimeve pa API-në: kujtesat, përshkallëzimet dhe email-et",
    "sr-Latn": "pokreće planer obaveštenja bez API-ja: podsetnici, eskalacije i e-pošta",
    en: "runs the notifications' scheduler without the API: reminders, escalations and email",
  },
  "cli.worker.help": {
    sq: "Përdorimi: bashke worker\n\nZbaton migrimet që mungojnë dhe nis planifikuesin e njoftimeve mbi të njëjtën bazë të dhënash si gateway-i, deri në Ctrl-C: kujton afatet, përshkallëzon te koordinatori kur askush nuk vepron, dërgon email-et dhe përmbledhjet ditore. Mund të nisen disa njëherësh: qiratë në bazë ndajnë punën, dhe çdo njoftim dërgohet një herë. Nisni gateway-n me BASHKE_SCHEDULER=off kur punëtorët e bëjnë këtë punë.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_SMTP_URL, BASHKE_MAIL_FROM, BASHKE_PUBLIC_ORIGIN, BASHKE_SCHEDULER_INTERVAL, BASHKE_SCHEDULER_LEASE: shih README.",
    "sr-Latn":
      "Upotreba: bashke worker\n\nPrimenjuje migracije koje nedostaju i pokreće planer obaveštenja nad istom bazom kao gateway, do Ctrl-C: podseća na rokove, eskalira koordinatoru kada niko ne reaguje, šalje e-poštu i dnevne preglede. Može ih raditi više odjednom: zakupi u bazi dele posao, i svako obaveštenje se šalje jednom. Pokrenite gateway sa BASHKE_SCHEDULER=off kada ovaj posao rade radnici.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_SMTP_URL, BASHKE_MAIL_FROM, BASHKE_PUBLIC_ORIGIN, BASHKE_SCHEDULER_INTERVAL, BASHKE_SCHEDULER_LEASE: vidi README.",
    en: "Usage: bashke worker\n\nApplies the missing migrations and runs the notifications' scheduler over the same database as the gateway, until Ctrl-C: reminds people of deadlines, escalates to the coordinator when nobody acts, sends email and daily digests. Several may run at once: leases in the database share the work, and every notification is sent once. Start the gateway with BASHKE_SCHEDULER=off when workers do this.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_SMTP_URL, BASHKE_MAIL_FROM, BASHKE_PUBLIC_ORIGIN, BASHKE_SCHEDULER_INTERVAL, BASHKE_SCHEDULER_LEASE: see the README.",
  },
  "cli.worker.running": {
    sq: "Planifikuesi i njoftimeve punon ({holder}); email: {email, select, on {i ndezur} other {i fikur}}.",
    "sr-Latn": "Planer obaveštenja radi ({holder}); e-pošta: {email, select, on {uključena} other {isključena}}.",
    en: "The notifications' scheduler is running ({holder}); email: {email, select, on {on} other {off}}.",
  },
})

/** `bashke worker`: the notifications' scheduler apart from the gateway, until SIGINT or SIGTERM. */
export const command = Command.make({
  words: ["worker"],
  messages,
  summary: "cli.worker.summary",
  help: "cli.worker.help",
  flags: [],
  serves: true,
  run: (input) =>
    Effect.gen(function* () {
      // Settings first: a malformed one stops the command before anything is migrated.
      yield* Effect.try({ try: () => checkNotificationSettings(), catch: (error) => error })
      yield* withDatabase(input.locale, migrate(input.locale))
      const running = yield* Effect.promise(() => startWorker())
      yield* input.say("cli.worker.running", {
        holder: running.holder,
        email: (process.env.BASHKE_SMTP_URL ?? "").trim() === "" ? "off" : "on",
      })
      yield* Effect.async<void>((resume) => {
        const stop = () => {
          running.close().then(() => resume(Effect.void))
        }
        process.once("SIGINT", stop)
        process.once("SIGTERM", stop)
      })
    }),
})
