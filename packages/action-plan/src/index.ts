/**
 * The local action plan, its schemas and rules.
 */
export * as ActionPlan from "./ActionPlan"
/**
 * The commands of the use cases, as input schemas.
 */
export * as ActionPlanCommands from "./ActionPlanCommands"
/**
 * The outbox events.
 */
export * as ActionPlanEvents from "./ActionPlanEvents"
/**
 * The plan's lifecycle: draft → adopted → in implementation → evaluated.
 */
export * as ActionPlanLifecycle from "./ActionPlanLifecycle"
/**
 * A mechanism's plans, for those who may read them.
 */
export * as ActionPlanList from "./ActionPlanList"
/**
 * The package's part of the message catalogue.
 */
export * as ActionPlanMessages from "./ActionPlanMessages"
export { actionPlanMessages } from "./ActionPlanMessages"
/**
 * The package's migrations.
 */
export * as ActionPlanMigrations from "./ActionPlanMigrations"
export { actionPlanMigrations } from "./ActionPlanMigrations"
/**
 * Who may read a mechanism's plans: its members and the national coordinator.
 */
export * as ActionPlanPolicy from "./ActionPlanPolicy"

/**
 * The repository port.
 */
export * as ActionPlanRepository from "./ActionPlanRepository"

/**
 * The use cases.
 */
export * as ActionPlanService from "./ActionPlanService"

/**
 * The port to the meeting action items linked to activities.
 */
export * as ActivityActionItems from "./ActivityActionItems"

/**
 * Strategy frameworks and their pillars, as data.
 */
export * as Framework from "./Framework"

/**
 * The implementation level of a plan over a period.
 */
export * as ImplementationLevel from "./ImplementationLevel"

/**
 * An indicator's progress toward its target.
 */
export * as IndicatorProgress from "./IndicatorProgress"

/**
 * The port for indicators computed from the system's own data.
 */
export * as IndicatorSources from "./IndicatorSources"

/**
 * Monitoring reports.
 */
export * as MonitoringReport from "./MonitoringReport"

/**
 * Periods of calendar days.
 */
export * as Period from "./Period"

/**
 * A draft plan's revision history.
 */
export * as PlanRevision from "./PlanRevision"

/**
 * Calendar quarters.
 */
export * as Quarter from "./Quarter"

/**
 * The SQL adapter of the repository.
 */
export * as SqlActionPlanRepository from "./SqlActionPlanRepository"
