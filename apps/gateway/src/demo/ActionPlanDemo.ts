/**
 * The demo's local action plan: Gjilan's three-year plan against domestic
 * violence on the Kosovo local-plan pillars (awareness and prevention;
 * protection and coordination; empowerment and reintegration), from the
 * start of this year. Six activities with their responsible and partner
 * institutions, quarters and budgets (municipal budget and a donor
 * programme), four indicators — one of them computed from the system's own
 * data (referrals acknowledged within their deadline) — adopted by the
 * mechanism and in implementation: the first training done, the school
 * workshops under way, one measurement recorded.
 */
import { type ActionPlan, ActionPlanService, Quarter } from "@bashke/action-plan"
import { CivilDate, type Errors, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import { institutions, principal } from "./World"

/** The plan, and its version after the demo's last change. */
export interface DemoActionPlan {
  readonly planId: Id.ActionPlanId
  readonly version: number
}

export const seedActionPlan = (
  mechanismId: Id.MechanismId,
): Effect.Effect<DemoActionPlan, Errors.DomainError, ActionPlanService.ActionPlanService> =>
  Effect.gen(function* () {
    const today = yield* JurisdictionProfile.today
    const year = CivilDate.year(today)
    const q = (offset: number): Quarter.Quarter => {
      const index = year * 4 + offset
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
    }
    // The training is planned for the first quarter: done by now, unless the demo starts in it.
    const thisQuarter = Quarter.of(today)
    const start = `${year}-01-01` as CivilDate.CivilDate
    const baselineDay = `${year - 1}-12-15` as CivilDate.CivilDate
    const eur = (amount: number, source: string) => ({ amount, currency: "EUR", source })

    // Every step below is the coordinator's (provided at the end).
    const plan = yield* Effect.flatMap(ActionPlanService.ActionPlanService, (plans) =>
      plans.create({
        mechanismId,
        framework: "kosovo-local-plan",
        title: `Plani lokal i veprimit kundër dhunës në familje – Gjilan ${year}–${year + 2}`,
        period: { start, end: `${year + 2}-12-31` },
        objectives: [
          {
            code: "1",
            title: "Rritja e vetëdijes dhe parandalimi i dhunës në familje në komunitet dhe në shkolla",
            pillar: "awareness-prevention",
          },
          {
            code: "2",
            title: "Mbrojtje e koordinuar, e shpejtë dhe e sigurt për viktimat",
            pillar: "protection-coordination",
          },
          {
            code: "3",
            title: "Fuqizimi ekonomik dhe riintegrimi i viktimave",
            pillar: "empowerment-reintegration",
          },
        ],
        activities: [
          {
            objective: "1",
            title: "Punëtori për parandalimin e dhunës në shkollat e mesme të Gjilanit",
            responsible: institutions.education.id,
            partners: [institutions.socialWork.id, institutions.police.id],
            quarters: [q(0), q(1)],
            budget: eur(2_400, "Buxheti komunal"),
          },
          {
            objective: "1",
            title: "Fushata “16 ditë aktivizëm kundër dhunës me bazë gjinore”",
            responsible: institutions.municipality.id,
            partners: [institutions.victimAdvocacy.id, institutions.shelter.id],
            quarters: [q(3)],
            budget: eur(3_000, "Buxheti komunal"),
          },
          {
            objective: "2",
            title: "Trajnim i anëtarëve të mekanizmit për vlerësimin e rrezikut dhe referimin",
            responsible: institutions.socialWork.id,
            partners: [institutions.police.id, institutions.health.id, institutions.victimAdvocacy.id],
            quarters: [q(0)],
            budget: eur(2_500, "Program donator"),
            weight: 2,
          },
          {
            objective: "2",
            title: "Publikimi i regjistrit të shërbimeve dhe i protokollit të referimit",
            responsible: institutions.municipality.id,
            partners: [institutions.socialWork.id, institutions.legalAid.id],
            quarters: [q(1)],
          },
          {
            objective: "3",
            title: "Kurse aftësimi profesional për të mbijetuarat, me zyrën e punësimit",
            responsible: institutions.municipality.id,
            partners: [institutions.shelter.id, institutions.socialWork.id],
            quarters: [q(2), q(3), q(6)],
            budget: eur(8_000, "Buxheti komunal"),
            weight: 2,
          },
          {
            objective: "3",
            title: "Banim i subvencionuar për gratë që dalin nga strehimorja",
            responsible: institutions.municipality.id,
            partners: [institutions.shelter.id],
            quarters: [q(5), q(9)],
            budget: eur(15_000, "Buxheti komunal"),
          },
        ],
        indicators: [
          {
            objective: "1",
            title: "Punëtori parandaluese të mbajtura në shkolla",
            unit: "count",
            baseline: { value: 2, date: baselineDay, source: "Raporti i drejtorisë së arsimit" },
            target: 24,
          },
          {
            objective: "2",
            title: "Referime të pranuara brenda afatit",
            unit: "percent",
            baseline: { value: 0, date: baselineDay, source: "Pa regjistër elektronik të referimeve" },
            target: 90,
            source: { _tag: "computed", query: "referrals-acknowledged-in-time" },
          },
          {
            objective: "2",
            title: "Anëtarë të mekanizmit të trajnuar për vlerësimin e rrezikut",
            unit: "percent",
            baseline: { value: 25, date: baselineDay, source: "Anketa bazë e mekanizmit" },
            target: 100,
          },
          {
            objective: "3",
            title: "Të mbijetuara në kurse aftësimi profesional",
            unit: "count",
            baseline: { value: 0, date: baselineDay, source: "Zyra komunale e punësimit" },
            target: 15,
          },
        ],
      }),
    )
    let current: ActionPlan.ActionPlan = plan
    current = yield* Effect.flatMap(ActionPlanService.ActionPlanService, (plans) =>
      plans.changeStatus({
        planId: plan.id,
        command: "adopt",
        expectedVersion: current.version,
      }),
    )
    current = yield* Effect.flatMap(ActionPlanService.ActionPlanService, (plans) =>
      plans.changeStatus({
        planId: plan.id,
        command: "start-implementation",
        expectedVersion: current.version,
      }),
    )
    const [workshops, , training] = plan.activities
    if (training !== undefined) {
      current = yield* Effect.flatMap(ActionPlanService.ActionPlanService, (plans) =>
        plans.setActivityStatus({
          planId: plan.id,
          activityId: training.id,
          status: thisQuarter === q(0) ? "in-progress" : "completed",
          expectedVersion: current.version,
        }),
      )
    }
    if (workshops !== undefined) {
      current = yield* Effect.flatMap(ActionPlanService.ActionPlanService, (plans) =>
        plans.setActivityStatus({
          planId: plan.id,
          activityId: workshops.id,
          status: "in-progress",
          expectedVersion: current.version,
        }),
      )
    }
    const trained = plan.indicators[2]
    if (trained !== undefined) {
      current = yield* Effect.flatMap(ActionPlanService.ActionPlanService, (plans) =>
        plans.recordMeasurement({
          planId: plan.id,
          indicatorId: trained.id,
          measurement: { value: 60, unit: "percent", date: today, source: "Lista e pjesëmarrjes në trajnim" },
          expectedVersion: current.version,
        }),
      )
    }
    return { planId: plan.id, version: current.version }
  }).pipe(Effect.provideService(Principal.CurrentPrincipal, principal("coordinator", mechanismId)))
