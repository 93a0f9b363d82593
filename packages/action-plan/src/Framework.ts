/**
 * Strategy frameworks as data: the pillars a local action plan's objectives are
 * mapped to. Three frameworks ship with the package — the Kosovo local-plan
 * pillars (Kamenicë 2024–2026 model), the Istanbul Convention's four and
 * INSPIRE's seven strategies for violence against children. Each pillar has a
 * stable code and a catalogue label (`action-plan.pillar.<framework>.<pillar>`).
 *
 * Which framework a plan follows by default belongs to the jurisdiction
 * profile; the kernel's profile has no such setting yet, so
 * {@link defaultFrameworkFor} holds the documented default here (Kosovo:
 * `kosovo-local-plan`).
 */
import type { JurisdictionProfile } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * The code of a framework.
 */
export const FrameworkCode = Schema.Literal("kosovo-local-plan", "istanbul-convention", "inspire").annotations({
  identifier: "FrameworkCode",
})

export type FrameworkCode = typeof FrameworkCode.Type

/**
 * The code of a pillar inside its framework (kebab-case).
 */
export const PillarCode = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: () => "action-plan.pillar.code-invalid" }),
  Schema.annotations({ identifier: "PillarCode" }),
)

export type PillarCode = typeof PillarCode.Type

/**
 * A framework: its code, where it comes from, and its pillars in order.
 */
export interface Framework {
  readonly code: FrameworkCode
  readonly source: string
  readonly pillars: ReadonlyArray<PillarCode>
}

/**
 * The Kosovo local action plan pillars (Kamenicë local action plan 2024–2026).
 */
export const kosovoLocalPlan: Framework = {
  code: "kosovo-local-plan",
  source: "Kamenicë local action plan against domestic violence 2024–2026",
  pillars: ["awareness-prevention", "protection-coordination", "empowerment-reintegration"],
}

/**
 * The Istanbul Convention's four P's.
 */
export const istanbulConvention: Framework = {
  code: "istanbul-convention",
  source: "Council of Europe Convention on preventing and combating violence against women and domestic violence",
  pillars: ["prevention", "protection", "prosecution", "integrated-policies"],
}

/**
 * INSPIRE: seven strategies for ending violence against children (WHO et al., 2016).
 */
export const inspire: Framework = {
  code: "inspire",
  source: "INSPIRE: Seven strategies for ending violence against children (WHO, 2016)",
  pillars: [
    "laws",
    "norms-values",
    "safe-environments",
    "parent-caregiver-support",
    "income-economic-strengthening",
    "response-support-services",
    "education-life-skills",
  ],
}

/**
 * Every framework by code.
 */
export const frameworks: Readonly<Record<FrameworkCode, Framework>> = {
  "kosovo-local-plan": kosovoLocalPlan,
  "istanbul-convention": istanbulConvention,
  inspire,
}

/**
 * The framework of a code.
 */
export const of = (code: FrameworkCode): Framework => frameworks[code]

/**
 * Whether `pillar` is one of the framework's pillars.
 */
export const hasPillar = (framework: Framework, pillar: string): boolean => framework.pillars.includes(pillar)

/**
 * The catalogue key of a pillar's label.
 */
export const pillarLabelKey = (framework: FrameworkCode, pillar: PillarCode): string =>
  `action-plan.pillar.${framework}.${pillar}`

/**
 * The catalogue key of a framework's name.
 */
export const nameKey = (framework: FrameworkCode): string => `action-plan.framework.${framework}`

// The profile has no action-plan setting (kernel gap): every profile falls back
// to the Istanbul Convention, which binds every party, except Kosovo's, whose
// municipal plans follow the local-plan pillars.
const defaults: Readonly<Record<string, FrameworkCode>> = { xk: "kosovo-local-plan" }

/**
 * The framework a municipality's plan follows unless it names another: by the
 * jurisdiction profile's id (`xk` → `kosovo-local-plan`), else
 * `istanbul-convention`.
 */
export const defaultFrameworkFor = (profile: Pick<JurisdictionProfile.JurisdictionProfile, "id">): FrameworkCode =>
  defaults[profile.id] ?? "istanbul-convention"
