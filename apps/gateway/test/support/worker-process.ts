// `bashke worker` as a separate process for the kill test: the same
// Server.startWorker, with the notifications' people from the test's table
// (written by the test before the worker starts, with addresses it chooses).
// Prints one JSON line once it runs, then runs until killed.
import { TablePeople } from "@bashke/notifications/testing"
import { startWorker } from "../../src/Server"

const running = await startWorker({ recipients: TablePeople.layer })
process.stdout.write(`${JSON.stringify({ worker: running.holder })}\n`)
process.on("SIGTERM", () => {
  running.close().then(() => process.exit(0))
})
