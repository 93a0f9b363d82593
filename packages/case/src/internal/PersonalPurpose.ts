// Whose details a person's role makes them, and the purpose their details are
// written for, as the access policy asks: the alleged perpetrator's for the
// victim's protection and the legal process (ADR 0004), the others' for the
// case. Shared by every use case that writes identifying details.
import type { AccessPolicy, Purpose } from "@bashke/security"
import type * as Person from "../Person"

/** @internal Whose details a person's role makes them, for the access policy. */
export const subjectOfRole = (role: Person.PersonRole): AccessPolicy.Subject =>
  role === "alleged-perpetrator" ? "alleged-perpetrator" : "victim-or-child"

/** @internal The purpose a team writes a subject's details for. */
export const writtenFor = (subject: AccessPolicy.Subject): Purpose.Purpose =>
  subject === "alleged-perpetrator" ? "protection" : "case-management"
