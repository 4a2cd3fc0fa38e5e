// The most protective answer per decision point, used when the pack is invalid,
// a fact is missing or malformed, the clock is not a number, or a rule throws.
// Unlike Cedar (which skips a policy that errors), an error here never opens a
// door: the point answers its fail-closed decision and records the error, and
// the `policy-error` notice makes the failure visible to the user.
//
// Built without a pack and without trusting the request: everything here must
// work when nothing else does, so every read is lenient and nothing throws.

import { COPY_SUFFIX, effectiveBand } from "../model/bands.ts";
import type { AgeBand, PersonFacts } from "../model/bands.ts";
import type {
  Decision,
  DecisionError,
  Notice,
  PackRef,
  RoomMemberDecision,
} from "../model/decisions.ts";
import { HELP_RESOURCE_IDS, POLICY_ERROR_NOTICE_ID, REPORT_CATEGORIES } from "../model/ids.ts";
import type { ActionId, DecisionPoint, HelpResourceId, ReportCategory } from "../model/ids.ts";
import type { RuleId } from "../model/rule-ids.ts";
import { assertNever } from "./assert-never.ts";
import { canonicalJson } from "./canonical.ts";
import { decisionId } from "./decision-id.ts";
import { readPersonLeniently } from "./validate-request.ts";

/** The effect each point answers when it fails closed (and when no rule applies). */
export const FAIL_CLOSED_EFFECTS = {
  discovery: "hidden",
  contact: "refused",
  // Not `declined`: filtered with a hidden preview is as protective for the
  // user and reversible, so a bug never rejects a friend's invite for good.
  "incoming-contact": "filtered",
  "conversation-notice": "show-notices",
  disclosure: "withhold",
  report: "file",
  help: "show-help",
  "protective-setting-change": "refuse",
  // As for incoming contacts: held aside, reversible, nothing a stranger wrote shown.
  room: "filtered",
  // Incoming: nothing downloaded, nothing shown. An outgoing request fails
  // closed to "think-first" instead (FAIL_CLOSED_OUTGOING_MEDIA_EFFECT).
  media: "not-viewable",
} as const satisfies Record<DecisionPoint, string>;

/** An outgoing media request's fail-closed effect: a notice first; sending stays possible. */
export const FAIL_CLOSED_OUTGOING_MEDIA_EFFECT = "think-first";

/**
 * A report filed while the engine fails still carries the evidence window
 * every bundled pack sets, so the moderators get what they would otherwise.
 */
const FAIL_CLOSED_CONTEXT_MESSAGES = 5;
/** The same for a reported request's messages (nl-default's number). */
const FAIL_CLOSED_REQUEST_MESSAGES = 10;

/** When there is no valid pack, decisions name this pack. */
export const NO_PACK: PackRef = Object.freeze({ id: "none", version: "0.0.0", purpose: "none" });

/** Copy keys of the built-in `policy-error` notice (the client must translate all of them). */
export const POLICY_ERROR_COPY_KEYS: readonly string[] = Object.freeze(
  Object.values(COPY_SUFFIX).map((suffix) => `notice.policyError.${suffix}`),
);

const FAIL_CLOSED_REASONS: readonly RuleId[] = Object.freeze(["engine/fail-closed"] as const);

/** Which person reads the decision, per point: their band picks the copy and the help. */
const READER: Readonly<Record<DecisionPoint, string>> = {
  discovery: "viewer",
  contact: "sender",
  "incoming-contact": "recipient",
  "conversation-notice": "self",
  disclosure: "self",
  report: "reporter",
  help: "person",
  "protective-setting-change": "person",
  room: "self",
  media: "self",
};

/** An unreadable band reads as a child's: the simplest copy and Kindertelefoon. */
function readerBand(request: unknown, point: DecisionPoint | null): AgeBand | null {
  if (point === null) return null;
  const person: PersonFacts | null = readPersonLeniently(request, READER[point]);
  return person === null ? null : effectiveBand(person);
}

function policyErrorNotice(band: AgeBand | null): Notice {
  return {
    id: POLICY_ERROR_NOTICE_ID,
    severity: "warning",
    copyKey: `notice.policyError.${COPY_SUFFIX[band ?? "8-12"]}`,
  };
}

/** Kindertelefoon unless the reader is a verified adult, and 112 always. */
function failClosedHelp(band: AgeBand | null): HelpResourceId[] {
  return band === "18+" ? ["emergency-112"] : ["kindertelefoon", "emergency-112"];
}

function failClosedId(pack: PackRef, point: string, request: unknown, now: unknown): string {
  return decisionId(pack, point, canonicalJson(now), canonicalJson(request));
}

function leniently<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function reportCategory(request: unknown): ReportCategory {
  return leniently(() => {
    const category = (request as Record<string, unknown>)["category"];
    return REPORT_CATEGORIES.find((known) => known === category) ?? "other";
  }, "other");
}

/** The point's most protective decision, with the errors that caused it. Never throws. */
export function failClosedDecision(
  point: DecisionPoint,
  request: unknown,
  errors: readonly DecisionError[],
  pack: PackRef,
  now: unknown,
): Decision {
  const band = readerBand(request, point);
  const common = {
    decisionId: failClosedId(pack, point, request, now),
    pack,
    notices: [policyErrorNotice(band)],
    reasons: FAIL_CLOSED_REASONS,
    errors,
    failedClosed: true,
  } as const;
  const help = failClosedHelp(band);
  const none: readonly ActionId[] = [];
  switch (point) {
    case "discovery":
      return { ...common, point, effect: "hidden", help: [], actions: none };
    case "contact":
      return {
        ...common,
        point,
        effect: "refused",
        relationship: null,
        help,
        actions: ["cancel", "get-help", "why"],
      };
    case "incoming-contact":
      return {
        ...common,
        point,
        effect: "filtered",
        preview: "hidden",
        relationship: null,
        protectsMinor: true,
        help,
        actions: ["view", "ignore", "block", "block-and-report", "get-help", "why"],
      };
    case "conversation-notice":
      return {
        ...common,
        point,
        effect: "show-notices",
        relationship: null,
        help,
        actions: ["block", "report", "get-help", "why"],
      };
    case "disclosure":
      return { ...common, point, effect: "withhold", relationship: null, help: [], actions: none };
    case "report":
      return {
        ...common,
        point,
        effect: "file",
        category: reportCategory(request),
        // Every category: a failing engine must not take a word away from the reporter.
        categoryChoices: REPORT_CATEGORIES,
        // Moderators always get it; only the location is required, so that a
        // report is never held back because the engine failed.
        destinations: [{ id: "moderators", delivery: "sealed-to-moderators" }],
        requiredFields: ["exact-location"],
        reporterIdentityOptional: true,
        contextMessages: FAIL_CLOSED_CONTEXT_MESSAGES,
        requestMessages: FAIL_CLOSED_REQUEST_MESSAGES,
        // The full sheet: every category, nothing simplified away.
        sheet: "standard",
        // No age goes along: the engine could not apply the pack that says what may.
        moderatorBands: { reporter: null, reporterWithheld: null, reported: null },
        help: [...help.slice(0, -1), "politie", "emergency-112"],
        actions: ["block", "leave", "get-help"],
      };
    case "help":
      // Every organisation; no need to choose from, as the answer would be all of them.
      return {
        ...common,
        point,
        effect: "show-help",
        help: [...HELP_RESOURCE_IDS],
        actions: none,
        needs: [],
        need: null,
      };
    case "protective-setting-change":
      return { ...common, point, effect: "refuse", help: [], actions: ["cancel", "why"] };
    case "room":
      return {
        ...common,
        point,
        effect: "filtered",
        members: failClosedMembers(request),
        profile: "hidden",
        protectsMinor: true,
        help,
        actions: ["ignore", "leave", "block", "block-and-report", "get-help", "why"],
      };
    case "media":
      return leniently(() => (request as Record<string, unknown>)["direction"], undefined) ===
        "outgoing"
        ? {
            ...common,
            point,
            direction: "outgoing",
            effect: FAIL_CLOSED_OUTGOING_MEDIA_EFFECT,
            relationships: [],
            // Sending stays possible, so taking it back must be too, honestly.
            unsend: true,
            unsendCaveat: {
              id: "media-unsend-caveat",
              severity: "info",
              copyKey: `notice.mediaUnsendCaveat.${COPY_SUFFIX[band ?? "8-12"]}`,
            },
            until: null,
            help,
            actions: ["continue", "cancel", "get-help", "why"],
          }
        : {
            ...common,
            point,
            direction: "incoming",
            effect: "not-viewable",
            relationship: null,
            blurred: false,
            until: null,
            help,
            actions: ["block", "report", "get-help", "why"],
          };
    default:
      return assertNever(point, "decision point");
  }
}

/** One hidden judgement per member the request lists, so a client can index them safely. */
function failClosedMembers(request: unknown): readonly RoomMemberDecision[] {
  const members = leniently(() => (request as Record<string, unknown>)["members"], undefined);
  const length = Array.isArray(members) ? Math.min(members.length, 10_000) : 0;
  return Array.from({ length }, () => ({
    relationship: null,
    content: "hidden",
    announce: false,
    notices: [],
    notification: "none",
  }));
}

/** For input whose `point` is not a decision point at all (only possible when types were bypassed). */
export function invalidRequestDecision(
  request: unknown,
  errors: readonly DecisionError[],
  now: unknown,
): Decision {
  return {
    point: "invalid-request",
    effect: "refused",
    decisionId: failClosedId(NO_PACK, "invalid-request", request, now),
    pack: NO_PACK,
    notices: [policyErrorNotice(null)],
    help: failClosedHelp(null),
    actions: ["get-help", "why"],
    reasons: FAIL_CLOSED_REASONS,
    errors,
    failedClosed: true,
  };
}
