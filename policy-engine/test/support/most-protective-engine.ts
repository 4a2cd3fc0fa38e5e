// A second, independent PolicyEngine: a hand-written table that always answers
// the most protective decision, written only against the public types. It
// proves the client can swap engines through the `PolicyEngine` seam (and is
// a useful stub for UI tests that must not depend on a pack).

import { REPORT_CATEGORIES, assertNever } from "../../src/index.ts";
import type {
  Decision,
  DecisionFor,
  DecisionRequest,
  PackRef,
  PolicyEngine,
} from "../../src/index.ts";

const PACK: PackRef = { id: "most-protective", version: "1.0.0", purpose: "control-arm" };

function answer(request: DecisionRequest, now: number): Decision {
  const common = {
    decisionId: `most-protective/${request.point}/${String(now)}`,
    pack: PACK,
    notices: [],
    reasons: [],
    errors: [],
    failedClosed: false,
  } as const;
  switch (request.point) {
    case "discovery":
      return { ...common, point: request.point, effect: "hidden", help: [], actions: [] };
    case "contact":
      return {
        ...common,
        point: request.point,
        effect: "refused",
        relationship: null,
        help: ["kindertelefoon"],
        actions: ["cancel", "get-help"],
      };
    case "incoming-contact":
      return {
        ...common,
        point: request.point,
        effect: "declined",
        preview: "hidden",
        relationship: null,
        protectsMinor: true,
        help: ["kindertelefoon"],
        actions: ["block", "block-and-report", "get-help"],
      };
    case "conversation-notice":
      return {
        ...common,
        point: request.point,
        effect: "show-notices",
        relationship: null,
        help: ["kindertelefoon"],
        actions: ["block", "report", "get-help"],
      };
    case "disclosure":
      return {
        ...common,
        point: request.point,
        effect: "withhold",
        relationship: null,
        help: [],
        actions: [],
      };
    case "report":
      return {
        ...common,
        point: request.point,
        effect: "file",
        category: request.category ?? "other",
        categoryChoices: REPORT_CATEGORIES,
        destinations: [{ id: "moderators", delivery: "sealed-to-moderators" }],
        requiredFields: ["exact-location"],
        reporterIdentityOptional: true,
        // As the engine's fail-closed report: what the moderators would otherwise get.
        contextMessages: 5,
        requestMessages: 10,
        sheet: "standard",
        moderatorBands: { reporter: null, reporterWithheld: null, reported: null },
        help: ["kindertelefoon", "emergency-112"],
        actions: ["block", "leave", "get-help"],
      };
    case "help":
      return {
        ...common,
        point: request.point,
        effect: "show-help",
        help: ["kindertelefoon", "emergency-112"],
        actions: [],
        needs: [],
        need: null,
      };
    case "protective-setting-change":
      return { ...common, point: request.point, effect: "refuse", help: [], actions: ["cancel"] };
    case "room":
      return {
        ...common,
        point: request.point,
        effect: "declined",
        members: request.members.map(() => ({
          relationship: null,
          content: "hidden",
          announce: true,
          notices: [],
          notification: "none",
        })),
        profile: "hidden",
        protectsMinor: true,
        help: ["kindertelefoon"],
        actions: ["block", "block-and-report", "get-help"],
      };
    case "media":
      return request.direction === "incoming"
        ? {
            ...common,
            point: request.point,
            direction: "incoming",
            effect: "not-viewable",
            relationship: null,
            blurred: false,
            until: null,
            help: ["kindertelefoon"],
            actions: ["block", "report", "get-help"],
          }
        : {
            ...common,
            point: request.point,
            direction: "outgoing",
            effect: "think-first",
            relationships: [],
            unsend: true,
            unsendCaveat: {
              id: "media-unsend-caveat",
              severity: "info",
              copyKey: "notice.mediaUnsendCaveat.child",
            },
            until: null,
            help: ["kindertelefoon"],
            actions: ["continue", "cancel", "get-help"],
          };
    default:
      return assertNever(request, "decision point");
  }
}

export const mostProtectiveEngine: PolicyEngine = {
  pack: PACK,
  problems: [],
  // The generic signature needs one cast: `answer` returns the decision for the request's point.
  decide: <R extends DecisionRequest>(request: R, now: number) =>
    answer(request, now) as DecisionFor<R>,
};
