// Invitations: a coordinator invites people of member institutions into their
// own mechanism, an administrator anyone; the mechanism's other members are
// refused (403), and those outside it meet an unknown mechanism (404, as for
// every mechanism route since security finding 6). Each call
// invites a new address, so a refusal is the rule's and not a taken email.
import { principal } from "../../../src/demo/World"
import { type Scenario, statuses, type World } from "./Matrix"

let invited = 0

/** A new case worker of the centre for social work, a member of the demo's mechanism. */
const newcomer = (world: World) => {
  invited += 1
  const social = principal("caseManager", world.mechanismId)
  return {
    displayName: "Drita Berisha",
    email: `drita.berisha.${invited}@matrix.example`,
    language: "sq",
    ...(social.institution === undefined ? {} : { institution: social.institution }),
    sector: "social-work",
  }
}

export const invitationScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "inviteIntoMechanism",
    label: "inviting a member institution's case worker into the mechanism: its coordinator and administrators",
    request: async (world) => ({
      method: "POST",
      path: `/v1/mechanisms/${world.mechanismId}/invitations`,
      body: { ...newcomer(world), roles: ["case-worker"] },
    }),
    expect: statuses(403, {
      coordinator: 201,
      administrator: 201,
      nationalCoordinator: 404,
      auditor: 404,
      stranger: 404,
    }),
  },
  {
    operationId: "invitePerson",
    label: "inviting with grants named in the body: administrators, and a coordinator into their own mechanism",
    request: async (world) => ({
      method: "POST",
      path: "/v1/invitations",
      body: { ...newcomer(world), grants: [{ role: "case-worker", mechanism: world.mechanismId }] },
    }),
    expect: statuses(403, {
      coordinator: 201,
      administrator: 201,
      nationalCoordinator: 404,
      auditor: 404,
      stranger: 404,
    }),
  },
]
