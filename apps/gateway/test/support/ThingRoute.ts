// The description of a made-up route the pipeline's step tests define theirs from
// (each with its own schemas and handler): a POST under a path parameter.
export const thing = {
  method: "post",
  path: "/v1/things/:thingId",
  operationId: "addThing",
  tag: "things",
  summary: "A thing",
} as const
