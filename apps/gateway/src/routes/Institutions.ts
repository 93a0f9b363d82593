/**
 * `/v1/institutions`: the institution registry — every institution by name
 * (in the four languages), sector and municipality. Anyone signed in reads it
 * (an institution's name is public); an administrator registers and revises
 * institutions, each change audited by the mechanism package. A revision
 * needs the `If-Match` of the institution read and answers with its new `ETag`.
 */
import { Id, Municipality, Sector } from "@bashke/kernel"
import { Institutions, RegisterInstitution, ReviseInstitution } from "@bashke/mechanism"
import { Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "institutions"

const InstitutionPath = Schema.Struct({ institutionId: Id.InstitutionId })
const InstitutionPage = Keyset.pageSchema(Institutions.RegisteredInstitution, "RegisteredInstitutionPage")

const ListQuery = Keyset.query({
  sector: Schema.optional(Sector.Sector),
  municipality: Schema.optional(Municipality.MunicipalityCode),
})

const list = Route.make({
  method: "get",
  path: "/v1/institutions",
  operationId: "listInstitutions",
  tag,
  summary: "The registered institutions, by id, optionally of one sector or municipality (anyone signed in)",
  querySchema: ListQuery,
  success: { status: 200, schema: InstitutionPage },
  handle: ({ query }) => Institutions.page({ sector: query.sector, municipality: query.municipality }, query),
})

const read = Route.make({
  method: "get",
  path: "/v1/institutions/:institutionId",
  operationId: "getInstitution",
  tag,
  summary: "A registered institution (anyone signed in)",
  pathSchema: InstitutionPath,
  success: { status: 200, schema: Institutions.RegisteredInstitution },
  etag: (institution) => institution.version,
  handle: ({ path }) => Institutions.find(path.institutionId),
})

const register = Route.make({
  method: "post",
  path: "/v1/institutions",
  operationId: "registerInstitution",
  tag,
  summary: "Register an institution, under the id it is already known by or a new one (administrators; audited)",
  bodySchema: RegisterInstitution.RegisterInstitution,
  success: { status: 201, schema: Institutions.RegisteredInstitution },
  etag: (institution) => institution.version,
  handle: ({ body }) => RegisterInstitution.register(body),
})

const revise = Route.make({
  method: "put",
  path: "/v1/institutions/:institutionId",
  operationId: "reviseInstitution",
  tag,
  summary: "Revise an institution's name, sector and municipality (administrators; audited)",
  pathSchema: InstitutionPath,
  bodySchema: ReviseInstitution.ReviseInstitution.pipe(Schema.omit("institutionId", "expectedVersion")),
  success: { status: 200, schema: Institutions.RegisteredInstitution },
  ifMatch: true,
  etag: (institution) => institution.version,
  handle: ({ path, body, expectedVersion }) =>
    ReviseInstitution.revise({ ...body, institutionId: path.institutionId, expectedVersion: expectedVersion ?? 0 }),
})

/** The institution registry's routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [list, read, register, revise]
