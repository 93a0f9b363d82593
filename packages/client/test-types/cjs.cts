// Compiled against the built package (dist) by `check:package`, with no Node
// types: what a caller on Workers or in a browser imports must type-check from
// ESM and CJS alike.
import {
  BashkeClient,
  BashkeProblem,
  type Paths,
  type ProblemKind,
  type RequestBody,
  RequestHeaders,
  type Schemas,
} from "@bashke/client"

export const client: BashkeClient.Client = BashkeClient.make({
  baseUrl: "https://bashke.example.org",
  token: () => "bsk_example",
  locale: "sq",
})
export const opened: Promise<BashkeClient.Answer<Schemas["Case"]>> = client.POST("/v1/cases", {
  body: { mechanismId: "01JM0000000000000000000001", municipality: "GJI", persons: [] },
})
export const body: RequestBody<"giveConsent"> = {
  givenBy: "01JP0000000000000000000001",
  purposes: ["referral"],
  method: "signed-form",
}
export const kind: ProblemKind = "stale-version"
export const isProblem: boolean = BashkeProblem.is(new Error("x"))
export const middleware = RequestHeaders.middleware({ token: "bsk_example" })
export type Path = keyof Paths
