// The principals the service tests act as.
import type { Id, Principal } from "@bashke/kernel"
import { mechanisms } from "./Seed"

export const national: Principal.Principal = {
  id: "01JP0000000000000000000001" as Id.PrincipalId,
  kind: "user",
  roles: ["national-coordinator"],
  mechanisms: [],
}

export const gjilanCoordinator: Principal.Principal = {
  id: "01JP0000000000000000000002" as Id.PrincipalId,
  kind: "user",
  institution: "01JB000000000000000000000A" as Id.InstitutionId,
  roles: ["coordinator"],
  mechanisms: [mechanisms.gjilan as Id.MechanismId],
}

export const caseWorker: Principal.Principal = {
  id: "01JP0000000000000000000003" as Id.PrincipalId,
  kind: "user",
  institution: "01JB000000000000000000000B" as Id.InstitutionId,
  roles: ["case-worker"],
  mechanisms: [mechanisms.gjilan as Id.MechanismId],
}
