/**
 * Every `bashke` command, in the order `bashke --help` lists them. A new command
 * is a file in this folder and one line here.
 */
import type { Command } from "../Command"
import * as AuditCheckpoint from "./AuditCheckpoint"
import * as AuditVerify from "./AuditVerify"
import * as Import from "./Import"
import * as Migrate from "./Migrate"
import * as PeopleDeactivate from "./PeopleDeactivate"
import * as PeopleInvite from "./PeopleInvite"
import * as PeopleList from "./PeopleList"
import * as Start from "./Start"
import * as TokenCreate from "./TokenCreate"
import * as TokenList from "./TokenList"
import * as TokenRevoke from "./TokenRevoke"
import * as Worker from "./Worker"

export const commands: ReadonlyArray<Command> = [
  Start.command,
  Migrate.command,
  TokenCreate.command,
  TokenList.command,
  TokenRevoke.command,
  PeopleInvite.command,
  PeopleList.command,
  PeopleDeactivate.command,
  Worker.command,
  Import.command,
  AuditVerify.command,
  AuditCheckpoint.command,
]
