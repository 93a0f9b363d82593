/**
 * `GET /v1/case-transfer-destinations`: the active mechanisms a case can move
 * to, by name — what the sending coordinator picks from when a survivor moves,
 * and how the receiving coordinator reads where a waiting transfer comes from.
 * A mechanism's name and municipality are public; everything else about it
 * stays with `/v1/mechanisms`, which shows a coordinator only their own. Any
 * coordinator (the one role that proposes and accepts transfers).
 */
import { Id, Municipality, Principal } from "@bashke/kernel"
import { Mechanism, Mechanisms } from "@bashke/mechanism"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

const Destination = Schema.Struct({
  id: Id.MechanismId,
  municipality: Municipality.MunicipalityCode,
  name: Mechanism.Name,
}).annotations({ identifier: "TransferDestination" })

const destinations = Route.make({
  method: "get",
  path: "/v1/case-transfer-destinations",
  operationId: "listTransferDestinations",
  tag: "cases",
  summary: "The active mechanisms a case can move to, by name and municipality (coordinators)",
  success: { status: 200, schema: Schema.Array(Destination) },
  handle: () =>
    Effect.gen(function* () {
      yield* Principal.requireRole("coordinator", "case.transfer")
      const all = yield* Effect.flatMap(Mechanisms.Mechanisms, (mechanisms) => mechanisms.list)
      return all
        .filter((mechanism) => mechanism.status === "active")
        .map(({ id, municipality, name }) => ({ id, municipality, name }))
    }),
})

/** The transfer destinations route. */
export const routes: ReadonlyArray<Route.AnyRoute> = [destinations]
