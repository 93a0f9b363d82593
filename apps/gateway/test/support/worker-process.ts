// `bashke worker` as a separate process for the kill test: the same
// Server.startWorker, with the notifications' people from the test's table
// (the gateway's own binding has no addresses until the identity package
// lands). Prints one JSON line once it runs, then runs until killed.
import { TablePeople } from "@bashke/notifications/testing"
import { startWorker } from "../../src/Server"

const running = await startWorker({ recipients: TablePeople.layer })
process.stdout.write(`${JSON.stringify({ worker: running.holder })}\n`)
process.on("SIGTERM", () => {
  running.close().then(() => process.exit(0))
})
