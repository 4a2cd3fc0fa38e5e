// The one entry point: data in, decision out. Synchronous, pure (no I/O, no
// clock but `now`, no randomness), and total: whatever it is given, it returns
// a decision; anything wrong gives the point's fail-closed decision with the
// error recorded.

import type { Decision, DecisionError, DecisionFor, PackRef } from "../model/decisions.ts";
import { DECISION_POINTS } from "../model/ids.ts";
import type { DecisionPoint } from "../model/ids.ts";
import type { DecisionRequest } from "../model/requests.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { PackLoadResult, PackProblem } from "../pack/load.ts";
import { decideContact } from "../points/contact.ts";
import { decideConversationNotice } from "../points/conversation-notice.ts";
import { decideDisclosure } from "../points/disclosure.ts";
import { decideDiscovery } from "../points/discovery.ts";
import { decideHelp } from "../points/help.ts";
import { decideIncomingContact } from "../points/incoming-contact.ts";
import { decideMedia } from "../points/media.ts";
import { decideProtectiveSettingChange } from "../points/protective-setting-change.ts";
import { decideReport } from "../points/report.ts";
import { decideRoom } from "../points/room.ts";
import { assertNever } from "./assert-never.ts";
import { decisionId, requestKey } from "./decision-id.ts";
import { NO_PACK, failClosedDecision, invalidRequestDecision } from "./fail-closed.ts";
import { RuleFailure, describeError } from "./run-rules.ts";
import {
  InvalidRequest,
  asFields,
  validateContact,
  validateConversationNotice,
  validateDisclosure,
  validateDiscovery,
  validateHelp,
  validateIncomingContact,
  validateMedia,
  validateProtectiveSettingChange,
  validateReport,
  validateRoom,
} from "./validate-request.ts";

/** What a decision depends on besides the request: the pack and the time (ms since the Unix epoch). */
export type DecisionContext = {
  /** A compiled pack, or the result of loading one (a failed load makes every decision fail closed). */
  readonly pack: CompiledPack | PackLoadResult;
  readonly now: number;
};

/**
 * Decide one request. The return type follows the request's `point`.
 * Never throws (the one cast below is sound because each branch answers its point).
 */
export function decide<R extends DecisionRequest>(
  request: R,
  context: DecisionContext,
): DecisionFor<R> {
  let pack: unknown;
  let now: unknown;
  try {
    pack = context.pack;
    now = context.now;
  } catch {
    // A context that cannot be read is handled like a missing pack below.
  }
  return decideUnchecked(request, pack, now) as DecisionFor<R>;
}

const POINTS: ReadonlySet<unknown> = new Set(DECISION_POINTS);

function pointOf(request: unknown): DecisionPoint | null {
  try {
    const point = asFields(request, "")["point"];
    return POINTS.has(point) ? (point as DecisionPoint) : null;
  } catch {
    return null;
  }
}

function packProblemErrors(problems: readonly PackProblem[]): DecisionError[] {
  if (problems.length === 0) return [{ code: "invalid-pack", message: "the pack did not load" }];
  return problems.map((problem) => ({
    code: "invalid-pack",
    message: problem.message,
    path: problem.path,
  }));
}

function errorOf(error: unknown): DecisionError {
  if (error instanceof RuleFailure) {
    return { code: "rule-failed", message: error.message, ruleId: error.ruleId };
  }
  if (error instanceof InvalidRequest) {
    return { code: "invalid-request", message: error.message, path: error.path };
  }
  return { code: "engine-failed", message: describeError(error) };
}

/** The compiled pack in the context, or the problems that stand in for it. */
function compiledPackOf(input: unknown): CompiledPack | readonly PackProblem[] {
  if (typeof input !== "object" || input === null) {
    return [{ path: "", message: "no policy pack was given" }];
  }
  const fields = input as Readonly<Record<string, unknown>>;
  if (fields["kind"] === "compiled-pack") return input as CompiledPack;
  if (fields["ok"] === true) return compiledPackOf(fields["pack"]);
  if (fields["ok"] === false && Array.isArray(fields["problems"])) {
    return fields["problems"] as readonly PackProblem[];
  }
  return [{ path: "", message: "context.pack is neither a compiled pack nor a load result" }];
}

export function decideUnchecked(request: unknown, packInput: unknown, now: unknown): Decision {
  const point = pointOf(request);
  let packRef: PackRef = NO_PACK;
  if (point === null) {
    const error: DecisionError = {
      code: "invalid-request",
      message: `request.point must be one of: ${DECISION_POINTS.join(", ")}`,
      path: "/point",
    };
    return invalidRequestDecision(request, [error], now);
  }
  try {
    const pack = compiledPackOf(packInput);
    if (!("kind" in pack)) {
      return failClosedDecision(point, request, packProblemErrors(pack), NO_PACK, now);
    }
    packRef = pack.ref;
    if (typeof now !== "number" || !Number.isFinite(now)) {
      const error: DecisionError = {
        code: "invalid-clock",
        message: "now must be a finite number of ms since the Unix epoch",
      };
      return failClosedDecision(point, request, [error], packRef, now);
    }
    const fields = asFields(request, "");
    const at = String(now);
    switch (point) {
      case "discovery": {
        const valid = validateDiscovery(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideDiscovery(valid, pack, base);
      }
      case "contact": {
        const valid = validateContact(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideContact(valid, pack, base);
      }
      case "incoming-contact": {
        const valid = validateIncomingContact(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideIncomingContact(valid, pack, base);
      }
      case "conversation-notice": {
        const valid = validateConversationNotice(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideConversationNotice(valid, pack, now, base);
      }
      case "disclosure": {
        const valid = validateDisclosure(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideDisclosure(valid, pack, base);
      }
      case "report": {
        const valid = validateReport(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideReport(valid, pack, base);
      }
      case "help": {
        const valid = validateHelp(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideHelp(valid, pack, base);
      }
      case "protective-setting-change": {
        const valid = validateProtectiveSettingChange(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideProtectiveSettingChange(valid, pack, base);
      }
      case "room": {
        const valid = validateRoom(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideRoom(valid, pack, base);
      }
      case "media": {
        const valid = validateMedia(fields);
        const base = {
          decisionId: decisionId(packRef, point, at, requestKey(valid)),
          pack: packRef,
        };
        return decideMedia(valid, pack, now, base);
      }
      default:
        return assertNever(point, "decision point");
    }
  } catch (error) {
    return failClosedDecision(point, request, [errorOf(error)], packRef, now);
  }
}
