// Cheap, hand-written checks of a request on the hot path (the zod request
// schema in model/request-schema.ts is for tooling and corpora, not for
// deciding). A missing or malformed fact throws InvalidRequest, which the
// engine turns into the point's fail-closed decision. Unknown extra fields
// are ignored: they cannot change a decision.

import { AGE_BANDS } from "../model/bands.ts";
import type { PersonFacts } from "../model/bands.ts";
import {
  CONVERSATION_ORIGINS,
  DISCOVERY_SURFACES,
  HELP_MOMENTS,
  HELP_NEEDS,
  MATERIAL_LOCATIONS,
  MAX_MEDIA_RECIPIENTS,
  MEDIA_DIRECTIONS,
  MEDIA_KINDS,
  MEDIA_ROOM_KINDS,
  PROTECTIVE_SETTINGS,
  RECIPIENT_ANSWERS,
  REPORT_CATEGORIES,
  REPORT_TARGETS,
} from "../model/ids.ts";
import type {
  ContactRequest,
  ConversationNoticeRequest,
  DisclosureRequest,
  DiscoveryRequest,
  HelpRequest,
  IncomingContactRequest,
  MediaRequest,
  ProtectiveSettingChangeRequest,
  ReportRequest,
  RoomRequest,
} from "../model/requests.ts";

export class InvalidRequest extends Error {
  /** JSON Pointer to the offending field. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path || "request"}: ${message}`);
    this.name = "InvalidRequest";
    this.path = path;
  }
}

type Fields = Readonly<Record<string, unknown>>;

const BANDS: ReadonlySet<unknown> = new Set(AGE_BANDS);
const SURFACES: ReadonlySet<unknown> = new Set(DISCOVERY_SURFACES);
const ORIGINS: ReadonlySet<unknown> = new Set(CONVERSATION_ORIGINS);
const TARGETS: ReadonlySet<unknown> = new Set(REPORT_TARGETS);
const CATEGORIES: ReadonlySet<unknown> = new Set(REPORT_CATEGORIES);
const LOCATIONS: ReadonlySet<unknown> = new Set(MATERIAL_LOCATIONS);
const MOMENTS: ReadonlySet<unknown> = new Set(HELP_MOMENTS);
const NEEDS: ReadonlySet<unknown> = new Set(HELP_NEEDS);
const SETTINGS: ReadonlySet<unknown> = new Set(PROTECTIVE_SETTINGS);
const ANSWERS: ReadonlySet<unknown> = new Set(RECIPIENT_ANSWERS);
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function asFields(value: unknown, path: string): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidRequest(path, "expected an object");
  }
  return value as Fields;
}

function flag(fields: Fields, key: string, path: string): void {
  if (typeof fields[key] !== "boolean")
    throw new InvalidRequest(`${path}/${key}`, "expected a boolean");
}

function member(fields: Fields, key: string, allowed: ReadonlySet<unknown>, path: string): void {
  if (!allowed.has(fields[key])) {
    throw new InvalidRequest(`${path}/${key}`, `unknown value ${describe(fields[key])}`);
  }
}

function person(fields: Fields, key: string): void {
  const facts = asFields(fields[key], `/${key}`);
  member(facts, "ageBand", BANDS, `/${key}`);
  flag(facts, "ageVerified", `/${key}`);
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}

export function validateDiscovery(fields: Fields): DiscoveryRequest {
  member(fields, "surface", SURFACES, "");
  person(fields, "viewer");
  person(fields, "subject");
  const settings = asFields(fields["subjectSettings"], "/subjectSettings");
  flag(settings, "findableByPeers", "/subjectSettings");
  flag(settings, "suggestedToPeers", "/subjectSettings");
  flag(fields, "isContact", "");
  return fields as unknown as DiscoveryRequest;
}

export function validateContact(fields: Fields): ContactRequest {
  person(fields, "sender");
  person(fields, "recipient");
  flag(fields, "isContact", "");
  if (fields["recipientAnswer"] !== undefined) member(fields, "recipientAnswer", ANSWERS, "");
  if (fields["recipientProtectsMinor"] !== undefined) flag(fields, "recipientProtectsMinor", "");
  return fields as unknown as ContactRequest;
}

export function validateIncomingContact(fields: Fields): IncomingContactRequest {
  person(fields, "recipient");
  person(fields, "sender");
  flag(fields, "isContact", "");
  const rooms = fields["sharedRoomCount"];
  if (typeof rooms !== "number" || !Number.isSafeInteger(rooms) || rooms < 0) {
    throw new InvalidRequest("/sharedRoomCount", "expected a whole number of at least 0");
  }
  flag(fields, "sameServer", "");
  flag(fields, "nameResemblesContact", "");
  flag(fields, "nameResemblesHelpService", "");
  return fields as unknown as IncomingContactRequest;
}

export function validateConversationNotice(fields: Fields): ConversationNoticeRequest {
  person(fields, "self");
  person(fields, "other");
  member(fields, "origin", ORIGINS, "");
  const acceptedAt = fields["acceptedAt"];
  if (typeof acceptedAt !== "number" || !Number.isFinite(acceptedAt)) {
    throw new InvalidRequest("/acceptedAt", "expected a time in ms since the Unix epoch");
  }
  flag(fields, "nameResemblesContact", "");
  flag(fields, "nameResemblesHelpService", "");
  return fields as unknown as ConversationNoticeRequest;
}

export function validateDisclosure(fields: Fields): DisclosureRequest {
  person(fields, "self");
  person(fields, "audience");
  flag(fields, "isContact", "");
  flag(fields, "conversationAccepted", "");
  return fields as unknown as DisclosureRequest;
}

export function validateReport(fields: Fields): ReportRequest {
  person(fields, "reporter");
  person(fields, "reported");
  flag(fields, "isContact", "");
  member(fields, "target", TARGETS, "");
  if (fields["category"] !== undefined) member(fields, "category", CATEGORIES, "");
  member(fields, "materialLocation", LOCATIONS, "");
  flag(fields, "hasPublicUrl", "");
  flag(fields, "nameResemblesContact", "");
  flag(fields, "nameResemblesHelpService", "");
  return fields as unknown as ReportRequest;
}

export function validateHelp(fields: Fields): HelpRequest {
  person(fields, "person");
  member(fields, "moment", MOMENTS, "");
  if (fields["reportCategory"] !== undefined) member(fields, "reportCategory", CATEGORIES, "");
  if (fields["need"] !== undefined) member(fields, "need", NEEDS, "");
  const locale = fields["locale"];
  if (locale !== undefined && (typeof locale !== "string" || !LOCALE.test(locale))) {
    throw new InvalidRequest("/locale", "expected a BCP 47 language tag such as nl-NL");
  }
  return fields as unknown as HelpRequest;
}

export function validateProtectiveSettingChange(fields: Fields): ProtectiveSettingChangeRequest {
  person(fields, "person");
  member(fields, "setting", SETTINGS, "");
  flag(fields, "newValue", "");
  return fields as unknown as ProtectiveSettingChangeRequest;
}

const MEMBERSHIPS: ReadonlySet<unknown> = new Set(["invite", "join"]);
const ROLES: ReadonlySet<unknown> = new Set(["inviter", "creator"]);
/** Rooms larger than this are refused as input (fail closed): a bound on work per decision. */
export const MAX_ROOM_MEMBERS = 10_000;

function count(fields: Fields, key: string, path: string): void {
  const value = fields[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidRequest(`${path}/${key}`, "expected a whole number of at least 0");
  }
}

function list(fields: Fields, key: string, path: string, max: number): readonly unknown[] {
  const value = fields[key];
  if (!Array.isArray(value)) throw new InvalidRequest(`${path}/${key}`, "expected a list");
  if (value.length > max) throw new InvalidRequest(`${path}/${key}`, `more than ${max} entries`);
  return value;
}

export function validateRoom(fields: Fields): RoomRequest {
  person(fields, "self");
  member(fields, "membership", MEMBERSHIPS, "");
  flag(fields, "isDirect", "");
  flag(fields, "membersKnown", "");
  const members = list(fields, "members", "", MAX_ROOM_MEMBERS);
  members.forEach((value, index) => {
    const path = `/members/${index}`;
    const facts = asFields(value, path);
    const self = asFields(facts["person"], `${path}/person`);
    member(self, "ageBand", BANDS, `${path}/person`);
    flag(self, "ageVerified", `${path}/person`);
    flag(facts, "isContact", path);
    count(facts, "sharedRoomCount", path);
    flag(facts, "sameServer", path);
    flag(facts, "nameResemblesContact", path);
    flag(facts, "nameResemblesHelpService", path);
    for (const role of list(facts, "roles", path, 2)) {
      if (!ROLES.has(role))
        throw new InvalidRequest(`${path}/roles`, `unknown role ${describe(role)}`);
    }
    flag(facts, "acceptedHere", path);
  });
  for (const index of list(fields, "profileSetBy", "", MAX_ROOM_MEMBERS)) {
    if (
      typeof index !== "number" ||
      !Number.isSafeInteger(index) ||
      index < 0 ||
      index >= members.length
    ) {
      throw new InvalidRequest("/profileSetBy", "expected indices into members");
    }
  }
  flag(fields, "roomNameResemblesContact", "");
  flag(fields, "roomNameResemblesHelpService", "");
  return fields as unknown as RoomRequest;
}

const MEDIA_DIRECTION_VALUES: ReadonlySet<unknown> = new Set(MEDIA_DIRECTIONS);
const MEDIA_KIND_VALUES: ReadonlySet<unknown> = new Set(MEDIA_KINDS);
const MEDIA_ROOM_KIND_VALUES: ReadonlySet<unknown> = new Set(MEDIA_ROOM_KINDS);

/**
 * Unlike the other points, a media request must hold exactly its listed
 * facts: an extra field is refused (fail closed), so no byte, data URL, hash,
 * file name or caption of the media can ever ride along into the engine.
 */
function exactly(fields: Fields, allowed: readonly string[], path: string): void {
  // A plain object only: a typed array, buffer, blob or class instance is not a set of facts.
  const prototype: unknown = Object.getPrototypeOf(fields);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new InvalidRequest(path, "expected a plain object of facts");
  }
  // Every allowed fact is required (and checked by the caller), so any other field shows as
  // one too many. Counted with for-in, the cheapest walk (Reflect.ownKeys costs ~30 times
  // more per object); a non-enumerable or symbol-keyed property is not counted, but nothing
  // in the engine reads one, JSON drops it, and it never reaches a decision or its id.
  let count = 0;
  for (const key in fields) {
    if (!allowed.includes(key)) {
      throw new InvalidRequest(
        `${path}/${key}`,
        "not a media fact (a media request carries facts about people only)",
      );
    }
    count++;
  }
  if (count !== allowed.length) throw new InvalidRequest(path, "a media fact is missing");
}

const PERSON_FIELDS = ["ageBand", "ageVerified"] as const;
const COUNTERPART_FIELDS = ["person", "isContact", "origin", "acceptedAt"] as const;
const INCOMING_MEDIA_FIELDS = ["point", "direction", "self", "sender", "roomKind", "mediaKind"];
const OUTGOING_MEDIA_FIELDS = ["point", "direction", "self", "recipients", "roomKind", "mediaKind"];

function mediaPerson(fields: Fields, key: string, path: string): void {
  const facts = asFields(fields[key], `${path}/${key}`);
  exactly(facts, PERSON_FIELDS, `${path}/${key}`);
  member(facts, "ageBand", BANDS, `${path}/${key}`);
  flag(facts, "ageVerified", `${path}/${key}`);
}

function counterpart(value: unknown, path: string): void {
  const facts = asFields(value, path);
  exactly(facts, COUNTERPART_FIELDS, path);
  mediaPerson(facts, "person", path);
  flag(facts, "isContact", path);
  member(facts, "origin", ORIGINS, path);
  const acceptedAt = facts["acceptedAt"];
  if (acceptedAt !== null && (typeof acceptedAt !== "number" || !Number.isFinite(acceptedAt))) {
    throw new InvalidRequest(
      `${path}/acceptedAt`,
      "expected a time in ms since the Unix epoch, or null",
    );
  }
}

export function validateMedia(fields: Fields): MediaRequest {
  member(fields, "direction", MEDIA_DIRECTION_VALUES, "");
  const direction = fields["direction"];
  exactly(fields, direction === "incoming" ? INCOMING_MEDIA_FIELDS : OUTGOING_MEDIA_FIELDS, "");
  mediaPerson(fields, "self", "");
  if (direction === "incoming") {
    counterpart(fields["sender"], "/sender");
  } else {
    const recipients = list(fields, "recipients", "", MAX_MEDIA_RECIPIENTS);
    if (recipients.length === 0) {
      throw new InvalidRequest("/recipients", "expected at least one recipient");
    }
    // Every index, holes included: a sparse list is not a list of recipients.
    for (let index = 0; index < recipients.length; index++) {
      counterpart(recipients[index], `/recipients/${index}`);
    }
  }
  member(fields, "roomKind", MEDIA_ROOM_KIND_VALUES, "");
  member(fields, "mediaKind", MEDIA_KIND_VALUES, "");
  return fields as unknown as MediaRequest;
}

/** Reads a person's facts without throwing; null when they are not valid. Used on failure paths. */
export function readPersonLeniently(request: unknown, key: string): PersonFacts | null {
  try {
    const fields = asFields(request, "");
    const facts = asFields(fields[key], "");
    if (BANDS.has(facts["ageBand"]) && typeof facts["ageVerified"] === "boolean") {
      return facts as unknown as PersonFacts;
    }
  } catch {
    // fall through: not readable
  }
  return null;
}
