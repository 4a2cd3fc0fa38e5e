// Shared test fixtures: the bundled packs compiled once, people by band, and
// request builders with neutral defaults that a test overrides.

import { loadBundledPack, loadPack } from "../../src/index.ts";
import type {
  AgeBand,
  BundledPackId,
  CompiledPack,
  ContactRequest,
  ConversationNoticeRequest,
  DisclosureRequest,
  DiscoveryRequest,
  HelpRequest,
  IncomingContactRequest,
  PersonFacts,
  PolicyPack,
  ProtectiveSettingChangeRequest,
  ReportRequest,
} from "../../src/index.ts";

export function bundled(id: BundledPackId): CompiledPack {
  const result = loadBundledPack(id);
  if (!result.ok) throw new Error(`${id} did not load: ${JSON.stringify(result.problems)}`);
  return result.pack;
}

export const nlDefault = bundled("nl-default");
export const strict = bundled("strict");
export const baseline = bundled("baseline");

/** A copy of a pack's source, changed by `edit`, compiled (must stay valid). */
export function variant(base: CompiledPack, edit: (pack: PolicyPack) => void): CompiledPack {
  const source = structuredClone(base.source);
  edit(source);
  const result = loadPack(source);
  if (!result.ok) throw new Error(`variant is invalid: ${JSON.stringify(result.problems)}`);
  return result.pack;
}

/** nl-default as a control arm with every guard off, to test guards in isolation. */
export const unguarded = variant(nlDefault, (pack) => {
  pack.purpose = "control-arm";
  for (const guard of Object.keys(pack.guards) as (keyof PolicyPack["guards"])[]) {
    pack.guards[guard] = false;
  }
});

export function verified(ageBand: AgeBand): PersonFacts {
  return { ageBand, ageVerified: ageBand !== "unverified" };
}

export const child = verified("8-12");
export const teen13 = verified("13-15");
export const teen16 = verified("16-17");
export const adult = verified("18+");
export const unverified = verified("unverified");

export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
export const HOUR = 3_600_000;

export function discoveryRequest(overrides: Partial<DiscoveryRequest> = {}): DiscoveryRequest {
  return {
    point: "discovery",
    surface: "search",
    viewer: teen13,
    subject: teen13,
    subjectSettings: { findableByPeers: false, suggestedToPeers: false },
    isContact: false,
    ...overrides,
  };
}

export function contactRequest(overrides: Partial<ContactRequest> = {}): ContactRequest {
  return { point: "contact", sender: teen13, recipient: teen13, isContact: false, ...overrides };
}

export function incomingRequest(
  overrides: Partial<IncomingContactRequest> = {},
): IncomingContactRequest {
  return {
    point: "incoming-contact",
    recipient: teen13,
    sender: teen13,
    isContact: false,
    sharedRoomCount: 1,
    sameServer: true,
    nameResemblesContact: false,
    nameResemblesHelpService: false,
    ...overrides,
  };
}

export function conversationRequest(
  overrides: Partial<ConversationNoticeRequest> = {},
): ConversationNoticeRequest {
  return {
    point: "conversation-notice",
    self: teen13,
    other: teen13,
    origin: "accepted-request",
    acceptedAt: NOW - HOUR,
    nameResemblesContact: false,
    nameResemblesHelpService: false,
    ...overrides,
  };
}

export function disclosureRequest(overrides: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return {
    point: "disclosure",
    self: teen13,
    audience: teen13,
    isContact: false,
    conversationAccepted: false,
    ...overrides,
  };
}

export function reportRequest(overrides: Partial<ReportRequest> = {}): ReportRequest {
  return {
    point: "report",
    reporter: teen13,
    reported: teen13,
    isContact: false,
    target: "message",
    materialLocation: "chat",
    hasPublicUrl: false,
    nameResemblesContact: false,
    nameResemblesHelpService: false,
    ...overrides,
  };
}

export function helpRequest(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return { point: "help", person: teen13, moment: "general", ...overrides };
}

export function settingRequest(
  overrides: Partial<ProtectiveSettingChangeRequest> = {},
): ProtectiveSettingChangeRequest {
  return {
    point: "protective-setting-change",
    person: teen13,
    setting: "findable-by-peers",
    newValue: true,
    ...overrides,
  };
}
