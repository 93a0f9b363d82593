/**
 * The Bashkë gateway: the Hono app factory, the route table, the services
 * layer and the API tokens, shared by the Node and Workers entries.
 */
export * as ApiTokens from "./ApiTokens"
export * as App from "./App"
export * as GatewaySettings from "./GatewaySettings"
export { migrationPlan } from "./MigrationPlan"
export * as OpenApi from "./OpenApi"
export * as Problem from "./Problem"
export * as Route from "./Route"
export { routes } from "./Routes"
export * as Services from "./Services"
export * as StartFailure from "./StartFailure"
