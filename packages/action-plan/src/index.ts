/**
 * The local action plan, its schemas and rules.
 *
 * @since 0.1.0
 */
export * as ActionPlan from "./ActionPlan"

/**
 * The commands of the use cases, as input schemas.
 *
 * @since 0.1.0
 */
export * as ActionPlanCommands from "./ActionPlanCommands"

/**
 * The outbox events.
 *
 * @since 0.1.0
 */
export * as ActionPlanEvents from "./ActionPlanEvents"

/**
 * The plan's lifecycle: draft → adopted → in implementation → evaluated.
 *
 * @since 0.1.0
 */
export * as ActionPlanLifecycle from "./ActionPlanLifecycle"

/**
 * The package's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as ActionPlanMessages from "./ActionPlanMessages"

/**
 * @since 0.1.0
 */
export { actionPlanMessages } from "./ActionPlanMessages"

/**
 * The package's migrations.
 *
 * @since 0.1.0
 */
export * as ActionPlanMigrations from "./ActionPlanMigrations"

/**
 * @since 0.1.0
 */
export { actionPlanMigrations } from "./ActionPlanMigrations"

/**
 * The repository port.
 *
 * @since 0.1.0
 */
export * as ActionPlanRepository from "./ActionPlanRepository"

/**
 * The use cases.
 *
 * @since 0.1.0
 */
export * as ActionPlanService from "./ActionPlanService"

/**
 * The port to the meeting action items linked to activities.
 *
 * @since 0.1.0
 */
export * as ActivityActionItems from "./ActivityActionItems"

/**
 * Strategy frameworks and their pillars, as data.
 *
 * @since 0.1.0
 */
export * as Framework from "./Framework"

/**
 * The implementation level of a plan over a period.
 *
 * @since 0.1.0
 */
export * as ImplementationLevel from "./ImplementationLevel"

/**
 * An indicator's progress toward its target.
 *
 * @since 0.1.0
 */
export * as IndicatorProgress from "./IndicatorProgress"

/**
 * The port for indicators computed from the system's own data.
 *
 * @since 0.1.0
 */
export * as IndicatorSources from "./IndicatorSources"

/**
 * Monitoring reports.
 *
 * @since 0.1.0
 */
export * as MonitoringReport from "./MonitoringReport"

/**
 * Periods of calendar days.
 *
 * @since 0.1.0
 */
export * as Period from "./Period"

/**
 * Calendar quarters.
 *
 * @since 0.1.0
 */
export * as Quarter from "./Quarter"

/**
 * The SQL adapter of the repository.
 *
 * @since 0.1.0
 */
export * as SqlActionPlanRepository from "./SqlActionPlanRepository"
