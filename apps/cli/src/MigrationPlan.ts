// The plan is the gateway's: the server and the command migrate the same tables.
export { migrationPlan } from "@bashke/gateway"
