// The README's example, imports pointed at the sources; `Readme.test.ts` runs it.
import { Effect, Option } from "effect"
import { Catalogue, Id, JurisdictionProfile, kernelMessages, Locale, LocalizedText, Municipality } from "../src/index"

export const main = () => {
  // Ids: ULIDs, sortable by time, branded per entity, monotonic within a millisecond.
  const program = Effect.gen(function* () {
    const caseId = yield* Id.CaseId.generate
    const personId = yield* Id.PersonId.generate
    return [caseId, personId] as const
  })
  const [caseId, personId] = Effect.runSync(program.pipe(Effect.provide(Id.layer)))

  // Localized text, with the fallback order below.
  const ferizaj = Municipality.find("FER").pipe(Option.getOrThrow)
  const locale = Locale.fromAcceptLanguage("de-DE, sr;q=0.8, en;q=0.5")

  // The jurisdiction profile: every legal number, with provenance.
  const { kosovo } = JurisdictionProfile

  return {
    inOrder: String(caseId) < String(personId), // true: a later id sorts after
    createdAt: new Date(Id.timeOf(caseId)).toISOString(), // now
    ferizaj: LocalizedText.localize(ferizaj.name, "sr-Cyrl"), // "Урошевац"
    locale, // "sr-Latn"
    // The message catalogue: ICU messages, Serbian Cyrillic derived from Latin.
    items: Catalogue.format(kernelMessages, locale, "pagination.items.count", { count: 21 }), // "21 stavka"
    socialWork: Catalogue.format(kernelMessages, "sr-Cyrl", "sector.social-work"), // "Социјални рад"
    // { value: 24, unit: "hours", confirmed: false, source: "…" }
    orderDecision: kosovo.protectionOrders.kinds["emergency-protection-order"]?.decisionWithin,
    meetings: JurisdictionProfile.describe(kosovo.meetings.minimumPerYear, "sq"), // "4 herë në vit"
    unconfirmed: JurisdictionProfile.unconfirmed(kosovo).map((setting) => setting.path),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main())
