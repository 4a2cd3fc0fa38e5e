// fast-check generators for requests. Valid by construction (they match
// DecisionRequestSchema); properties mutate them to get invalid ones.

import * as fc from "fast-check";
import { AGE_BANDS, HELP_MOMENTS, REPORT_CATEGORIES, REPORT_TARGETS } from "../../src/index.ts";
import { MINOR_BANDS } from "../../src/model/bands.ts";
import {
  CONVERSATION_ORIGINS,
  DISCOVERY_SURFACES,
  MATERIAL_LOCATIONS,
  MEDIA_KINDS,
  MEDIA_ROOM_KINDS,
  PROTECTIVE_SETTINGS,
  RECIPIENT_ANSWERS,
} from "../../src/model/ids.ts";
import type {
  ContactRequest,
  ConversationNoticeRequest,
  DecisionRequest,
  DisclosureRequest,
  DiscoveryRequest,
  HelpRequest,
  IncomingContactRequest,
  MediaCounterpart,
  MediaRequest,
  PersonFacts,
  ProtectiveSettingChangeRequest,
  RecipientAnswer,
  ReportRequest,
} from "../../src/index.ts";
import { NOW } from "./fixtures.ts";

export const anyPerson: fc.Arbitrary<PersonFacts> = fc.record({
  ageBand: fc.constantFrom(...AGE_BANDS),
  ageVerified: fc.boolean(),
});

export const verifiedMinor: fc.Arbitrary<PersonFacts> = fc.record({
  ageBand: fc.constantFrom(...MINOR_BANDS),
  ageVerified: fc.constant(true),
});

/** Everyone the engine must treat as an adult stranger: verified adults and anything unverified. */
export const adultOrUnverified: fc.Arbitrary<PersonFacts> = fc.oneof(
  fc.constant<PersonFacts>({ ageBand: "18+", ageVerified: true }),
  fc.record({ ageBand: fc.constantFrom(...AGE_BANDS), ageVerified: fc.constant(false) }),
  fc.record({ ageBand: fc.constant("unverified" as const), ageVerified: fc.boolean() }),
);

const time = fc.integer({ min: NOW - 60 * 86_400_000, max: NOW + 3_600_000 });

export const discoveryRequest = (
  viewer = anyPerson,
  subject = anyPerson,
): fc.Arbitrary<DiscoveryRequest> =>
  fc.record({
    point: fc.constant("discovery" as const),
    surface: fc.constantFrom(...DISCOVERY_SURFACES),
    viewer,
    subject,
    subjectSettings: fc.record({ findableByPeers: fc.boolean(), suggestedToPeers: fc.boolean() }),
    isContact: fc.boolean(),
  });

export const contactRequest = (
  sender = anyPerson,
  recipient = anyPerson,
  isContact: fc.Arbitrary<boolean> = fc.boolean(),
  recipientAnswer: fc.Arbitrary<RecipientAnswer> = fc.constantFrom(...RECIPIENT_ANSWERS),
): fc.Arbitrary<ContactRequest> =>
  fc.record(
    {
      point: fc.constant("contact" as const),
      sender,
      recipient,
      isContact,
      recipientAnswer,
      recipientProtectsMinor: fc.boolean(),
    },
    { requiredKeys: ["point", "sender", "recipient", "isContact"] },
  );

export const incomingRequest = (
  recipient = anyPerson,
  sender = anyPerson,
  isContact: fc.Arbitrary<boolean> = fc.boolean(),
): fc.Arbitrary<IncomingContactRequest> =>
  fc.record({
    point: fc.constant("incoming-contact" as const),
    recipient,
    sender,
    isContact,
    sharedRoomCount: fc.nat({ max: 20 }),
    sameServer: fc.boolean(),
    nameResemblesContact: fc.boolean(),
    nameResemblesHelpService: fc.boolean(),
  });

export const conversationRequest: fc.Arbitrary<ConversationNoticeRequest> = fc.record({
  point: fc.constant("conversation-notice" as const),
  self: anyPerson,
  other: anyPerson,
  origin: fc.constantFrom(...CONVERSATION_ORIGINS),
  acceptedAt: time,
  nameResemblesContact: fc.boolean(),
  nameResemblesHelpService: fc.boolean(),
});

export const disclosureRequest: fc.Arbitrary<DisclosureRequest> = fc.record({
  point: fc.constant("disclosure" as const),
  self: anyPerson,
  audience: anyPerson,
  isContact: fc.boolean(),
  conversationAccepted: fc.boolean(),
});

export const reportRequest = (reporter = anyPerson): fc.Arbitrary<ReportRequest> =>
  fc.record(
    {
      point: fc.constant("report" as const),
      reporter,
      reported: anyPerson,
      isContact: fc.boolean(),
      target: fc.constantFrom(...REPORT_TARGETS),
      category: fc.constantFrom(...REPORT_CATEGORIES),
      materialLocation: fc.constantFrom(...MATERIAL_LOCATIONS),
      hasPublicUrl: fc.boolean(),
      nameResemblesContact: fc.boolean(),
      nameResemblesHelpService: fc.boolean(),
    },
    {
      requiredKeys: [
        "point",
        "reporter",
        "reported",
        "isContact",
        "target",
        "materialLocation",
        "hasPublicUrl",
        "nameResemblesContact",
        "nameResemblesHelpService",
      ],
    },
  );

export const helpRequest = (person = anyPerson): fc.Arbitrary<HelpRequest> =>
  fc.record(
    {
      point: fc.constant("help" as const),
      person,
      moment: fc.constantFrom(...HELP_MOMENTS),
      reportCategory: fc.constantFrom(...REPORT_CATEGORIES),
      locale: fc.constantFrom("nl-NL", "nl", "en-GB", "de-DE", "fr", "tr-NL"),
    },
    { requiredKeys: ["point", "person", "moment"] },
  );

export const settingRequest: fc.Arbitrary<ProtectiveSettingChangeRequest> = fc.record({
  point: fc.constant("protective-setting-change" as const),
  person: anyPerson,
  setting: fc.constantFrom(...PROTECTIVE_SETTINGS),
  newValue: fc.boolean(),
});

const mediaCounterpart: fc.Arbitrary<MediaCounterpart> = fc.record({
  person: anyPerson,
  isContact: fc.boolean(),
  origin: fc.constantFrom(...CONVERSATION_ORIGINS),
  acceptedAt: fc.option(time, { nil: null }),
});

export const mediaRequest: fc.Arbitrary<MediaRequest> = fc.oneof(
  fc.record({
    point: fc.constant("media" as const),
    direction: fc.constant("incoming" as const),
    self: anyPerson,
    sender: mediaCounterpart,
    roomKind: fc.constantFrom(...MEDIA_ROOM_KINDS),
    mediaKind: fc.constantFrom(...MEDIA_KINDS),
  }),
  fc.record({
    point: fc.constant("media" as const),
    direction: fc.constant("outgoing" as const),
    self: anyPerson,
    recipients: fc.array(mediaCounterpart, { minLength: 1, maxLength: 4 }),
    roomKind: fc.constantFrom(...MEDIA_ROOM_KINDS),
    mediaKind: fc.constantFrom(...MEDIA_KINDS),
  }),
);

export const anyRequest: fc.Arbitrary<DecisionRequest> = fc.oneof(
  discoveryRequest(),
  contactRequest(),
  incomingRequest(),
  conversationRequest,
  disclosureRequest,
  reportRequest(),
  helpRequest(),
  settingRequest,
  mediaRequest,
);
