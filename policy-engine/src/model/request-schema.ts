// Strict zod schemas for requests (unknown fields rejected): for tools, scenario corpora and anything that
// receives requests as untyped data (e.g. a facilitator's scripted scenario).
// The engine itself checks requests with cheap hand-written code instead
// (engine/validate-request.ts); a property test keeps the two in agreement.

import * as z from "zod";
import { AGE_BANDS } from "./bands.ts";
import {
  CONVERSATION_ORIGINS,
  DISCOVERY_SURFACES,
  HELP_MOMENTS,
  HELP_NEEDS,
  MATERIAL_LOCATIONS,
  MAX_MEDIA_RECIPIENTS,
  MEDIA_KINDS,
  MEDIA_ROOM_KINDS,
  PROTECTIVE_SETTINGS,
  RECIPIENT_ANSWERS,
  REPORT_CATEGORIES,
  REPORT_TARGETS,
} from "./ids.ts";
import type { DecisionRequest } from "./requests.ts";

const Person = z.strictObject({ ageBand: z.enum(AGE_BANDS), ageVerified: z.boolean() });
const Category = z.enum(REPORT_CATEGORIES);
/** Facts about one other person in a media decision; strict, so no payload can ride along. */
const MediaCounterpart = z.strictObject({
  person: Person,
  isContact: z.boolean(),
  origin: z.enum(CONVERSATION_ORIGINS),
  acceptedAt: z.number().nullable(),
});

export const DecisionRequestSchema = z.discriminatedUnion("point", [
  z.strictObject({
    point: z.literal("discovery"),
    surface: z.enum(DISCOVERY_SURFACES),
    viewer: Person,
    subject: Person,
    subjectSettings: z.strictObject({
      findableByPeers: z.boolean(),
      suggestedToPeers: z.boolean(),
    }),
    isContact: z.boolean(),
  }),
  z.strictObject({
    point: z.literal("contact"),
    sender: Person,
    recipient: Person,
    isContact: z.boolean(),
    recipientAnswer: z.enum(RECIPIENT_ANSWERS).optional(),
    recipientProtectsMinor: z.boolean().optional(),
  }),
  z.strictObject({
    point: z.literal("incoming-contact"),
    recipient: Person,
    sender: Person,
    isContact: z.boolean(),
    sharedRoomCount: z.int().min(0),
    sameServer: z.boolean(),
    nameResemblesContact: z.boolean(),
    nameResemblesHelpService: z.boolean(),
  }),
  z.strictObject({
    point: z.literal("conversation-notice"),
    self: Person,
    other: Person,
    origin: z.enum(CONVERSATION_ORIGINS),
    acceptedAt: z.number(),
    nameResemblesContact: z.boolean(),
    nameResemblesHelpService: z.boolean(),
  }),
  z.strictObject({
    point: z.literal("disclosure"),
    self: Person,
    audience: Person,
    isContact: z.boolean(),
    conversationAccepted: z.boolean(),
  }),
  z.strictObject({
    point: z.literal("report"),
    reporter: Person,
    reported: Person,
    isContact: z.boolean(),
    target: z.enum(REPORT_TARGETS),
    category: Category.optional(),
    materialLocation: z.enum(MATERIAL_LOCATIONS),
    hasPublicUrl: z.boolean(),
    nameResemblesContact: z.boolean(),
    nameResemblesHelpService: z.boolean(),
  }),
  z.strictObject({
    point: z.literal("help"),
    person: Person,
    moment: z.enum(HELP_MOMENTS),
    reportCategory: Category.optional(),
    need: z.enum(HELP_NEEDS).optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
      .optional(),
  }),
  z.strictObject({
    point: z.literal("protective-setting-change"),
    person: Person,
    setting: z.enum(PROTECTIVE_SETTINGS),
    newValue: z.boolean(),
  }),
  z.strictObject({
    point: z.literal("room"),
    self: Person,
    membership: z.enum(["invite", "join"]),
    isDirect: z.boolean(),
    membersKnown: z.boolean(),
    members: z
      .array(
        z.strictObject({
          person: Person,
          isContact: z.boolean(),
          sharedRoomCount: z.int().min(0),
          sameServer: z.boolean(),
          nameResemblesContact: z.boolean(),
          nameResemblesHelpService: z.boolean(),
          roles: z.array(z.enum(["inviter", "creator"])).readonly(),
          acceptedHere: z.boolean(),
        }),
      )
      .readonly(),
    profileSetBy: z.array(z.int().min(0)).readonly(),
    roomNameResemblesContact: z.boolean(),
    roomNameResemblesHelpService: z.boolean(),
  }),
  z.discriminatedUnion("direction", [
    z.strictObject({
      point: z.literal("media"),
      direction: z.literal("incoming"),
      self: Person,
      sender: MediaCounterpart,
      roomKind: z.enum(MEDIA_ROOM_KINDS),
      mediaKind: z.enum(MEDIA_KINDS),
    }),
    z.strictObject({
      point: z.literal("media"),
      direction: z.literal("outgoing"),
      self: Person,
      recipients: z.array(MediaCounterpart).min(1).max(MAX_MEDIA_RECIPIENTS).readonly(),
      roomKind: z.enum(MEDIA_ROOM_KINDS),
      mediaKind: z.enum(MEDIA_KINDS),
    }),
  ]),
]);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/** Compile-time proof that the schema and the request types agree: tsc fails here if they drift. */
export type RequestSchemaMatchesRequestTypes = Holds<
  Same<z.infer<typeof DecisionRequestSchema>, DecisionRequest>
>;
