// The policy pack format: the single source of truth for what a pack may say.
// (Over 400 lines: the pack's one schema, a section per decision point; splitting it would scatter what a pack author reads at once.)
// Validated once at load time (never while deciding); the JSON Schema in
// schema/policy-pack.schema.json is generated from this file.

import * as z from "zod";
import { AGE_BANDS, isAdultOrUnverified, isMinor } from "../model/bands.ts";
import type { AgeBand } from "../model/bands.ts";
import {
  ACCEPT_MODES,
  CHILD_SEXUAL_ABUSE_SCOPES,
  CONTACT_EFFECTS,
  DISCLOSURE_CELLS,
  DISCOVERY_VISIBILITIES,
  INCOMING_MEDIA_EFFECTS,
  INCOMING_PRESENTATIONS,
  MEDIA_UNSEND_MODES,
  NOTIFICATION_CONTENTS,
  OUTGOING_MEDIA_EFFECTS,
  PREVIEWS,
  ROOM_PRESENTATIONS,
  SETTING_CHANGE_EFFECTS,
} from "../model/effects.ts";
import {
  ADVICE_DESTINATIONS,
  AFTER_REPORT_ACTIONS,
  HELP_MOMENTS,
  HELP_NEEDS,
  HELP_RESOURCE_IDS,
  MAX_REPORT_CONTEXT_MESSAGES,
  MEDIA_KINDS,
  MEDIA_RELATIONSHIPS,
  PACK_NOTICE_IDS,
  PROTECTIVE_SETTINGS,
  RELATIONSHIP_CLASSES,
  REPORT_CATEGORIES,
  REPORT_SHEETS,
  BAND_DISCLOSURES,
  REPORT_TARGETS,
  SEVERITIES,
  STRANGER_CLASSES,
} from "../model/ids.ts";

const AgeBandSchema = z.enum(AGE_BANDS);
const NoticeIdSchema = z.enum(PACK_NOTICE_IDS);
const HelpResourceIdSchema = z.enum(HELP_RESOURCE_IDS);
const ReportCategorySchema = z.enum(REPORT_CATEGORIES);

function uniqueList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .meta({ uniqueItems: true })
    .refine((list) => new Set(list).size === list.length, { message: "duplicate entries" });
}

const byBand = <T extends z.ZodType>(value: T) => z.record(AgeBandSchema, value);
const byRelationship = <T extends z.ZodType>(value: T) =>
  z.record(z.enum(RELATIONSHIP_CLASSES), value);
const byStranger = <T extends z.ZodType>(value: T) => z.record(z.enum(STRANGER_CLASSES), value);
const byMediaRelationship = <T extends z.ZodType>(value: T) =>
  z.record(z.enum(MEDIA_RELATIONSHIPS), value);

const LocalisedText = z.strictObject({
  nl: z.string().min(1),
  en: z.string().min(1),
});

const NoticeDefinition = z
  .strictObject({
    severity: z.enum(SEVERITIES),
    copyKey: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/)
      .describe("Translation key; with perBand the reader's band suffix is appended."),
    perBand: z
      .boolean()
      .describe(
        "true: key + '.child' | '.teen13' | '.teen16' | '.adult' | '.general'; false: the key as is.",
      ),
  })
  .describe("How a notice looks: its severity and its translation key.");

const ContactCell = z.strictObject({
  effect: z.enum(CONTACT_EFFECTS),
  notices: uniqueList(NoticeIdSchema),
});

const IncomingCell = z.strictObject({
  presentation: z.enum(INCOMING_PRESENTATIONS),
  preview: z.enum(PREVIEWS),
  accept: z.enum(ACCEPT_MODES),
  notices: uniqueList(NoticeIdSchema),
});

const RecentlyAcceptedCell = z.union([
  z.null(),
  z.strictObject({
    hours: z.int().min(1).max(8760),
    notice: NoticeIdSchema,
  }),
]);

const SettingChangeCell = z.strictObject({
  effect: z.enum(SETTING_CHANGE_EFFECTS),
  notices: uniqueList(NoticeIdSchema),
});

const ReportCategoryRouting = z.strictObject({
  adviseForMaterialInChats: uniqueList(z.enum(ADVICE_DESTINATIONS)).describe(
    "Organisations to advise when the material is in a chat (or a website without URL).",
  ),
  adviseForPublicWebsites: uniqueList(z.enum(ADVICE_DESTINATIONS)).describe(
    "Organisations to advise when the material is on a public website and the URL is known.",
  ),
  childSexualAbuse: z
    .enum(CHILD_SEXUAL_ABUSE_SCOPES)
    .describe("DSA Art. 16(2)(c): when the reporter may leave out their identity."),
  adviseBetweenPeers: uniqueList(z.enum(ADVICE_DESTINATIONS))
    .optional()
    .describe(
      "Organisations to advise instead when reporter and reported are verified peers (report.peers), e.g. Helpwanted (removal help) rather than the police for images shared between peers (seed 001: consensual sexting between peers is not a crime). Absent: the category routes the same between peers.",
    ),
});

const GUARD_NAMES = [
  "adultsNeverSeeMinors",
  "childrenNeverFindableByStrangers",
  "adultsCannotStartContactWithMinors",
  "adultStrangersNeverNormalChatForMinors",
  "minorBandNeverDisclosedToStrangers",
] as const;

const PolicyPackShape = z
  .strictObject({
    $schema: z.string().optional().describe("Path or URL of the JSON Schema, for editors."),
    extends: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .optional()
      .describe(
        "Id of the pack this one extends: the file then holds only its own id, version, label, description and what differs (objects merge, arrays and other values replace).",
      ),
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(64),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/)
      .describe("Semantic version; decisions carry it."),
    label: LocalisedText,
    description: LocalisedText,
    purpose: z
      .enum(["production", "control-arm"])
      .describe("control-arm packs may switch guards off; they are for usability studies only."),
    jurisdiction: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe("ISO 3166-1 country whose help and report routing the pack encodes."),
    guards: z
      .strictObject({
        adultsNeverSeeMinors: z.boolean(),
        childrenNeverFindableByStrangers: z.boolean(),
        adultsCannotStartContactWithMinors: z.boolean(),
        adultStrangersNeverNormalChatForMinors: z.boolean(),
        minorBandNeverDisclosedToStrangers: z.boolean(),
      })
      .describe("Hard rules enforced whatever the tables say; all must be true in production."),
    peers: byBand(uniqueList(AgeBandSchema)).describe(
      "For each band, which other bands count as peers (peer-stranger rather than minor-, adult- or unverified-stranger).",
    ),
    notices: z.record(NoticeIdSchema, NoticeDefinition),
    discovery: z.strictObject({
      visibility: byBand(byBand(z.enum(DISCOVERY_VISIBILITIES))).describe(
        "visibility[subject band][viewer band].",
      ),
      minorsInStrangersSuggestions: z
        .enum(["never", "if-opted-in", "always"])
        .describe(
          "Whether a minor may appear in suggestions shown to non-contacts: never, only with the suggested-to-peers opt-in, or whenever search would show them.",
        ),
    }),
    contact: byBand(byRelationship(ContactCell)).describe("contact[sender band][recipient class]."),
    contactWithoutAnswer: byBand(ContactCell).describe(
      "contactWithoutAnswer[sender band]: starting a conversation with someone who is not a contact, whose band the sender's client does not know, and whose device did not answer its probe in time (e.g. offline). Combined with the contact table; the more protective wins.",
    ),
    incomingContact: z.strictObject({
      cells: byBand(byRelationship(IncomingCell)).describe("cells[recipient band][sender class]."),
      signals: z.strictObject({
        noSharedRooms: z.boolean(),
        otherServer: z.boolean(),
        nameResemblesContact: z.boolean(),
        nameResemblesHelpService: z.boolean(),
      }),
    }),
    conversationNotice: z.strictObject({
      recentlyAccepted: byBand(byStranger(RecentlyAcceptedCell)).describe(
        "recentlyAccepted[self band][class before accepting]: null for no reminder.",
      ),
      nameResemblesContact: z.boolean(),
      nameResemblesHelpService: z.boolean(),
    }),
    disclosure: byBand(byRelationship(z.enum(DISCLOSURE_CELLS))).describe(
      "disclosure[self band][audience class].",
    ),
    report: z.strictObject({
      categories: z.record(ReportCategorySchema, ReportCategoryRouting),
      categoryChoices: byBand(uniqueList(ReportCategorySchema).min(1)).describe(
        "Per band of the reporter: the categories the report sheet offers, in the order it lists them. Every one-tap default that can reach that band must be among them.",
      ),
      defaultCategory: z.strictObject({
        unknownAdultToMinor: ReportCategorySchema,
        nameLooksLikeSomeoneElse: ReportCategorySchema,
        otherwise: ReportCategorySchema,
      }),
      peers: byBand(uniqueList(AgeBandSchema)).describe(
        "Per band of the reporter: which verified bands of the reported person count as peers for routing (seed 001: the same age group). Only minors can be peers; an unverified person never is.",
      ),
      sheet: byBand(z.enum(REPORT_SHEETS)).describe(
        "Per band of the reporter: the report sheet's layout. simple: nothing pre-set (a one-tap report is filed as the `otherwise` default), a few choices in children's words, thanks and who helps next first after filing.",
      ),
      afterActions: z.record(z.enum(REPORT_TARGETS), uniqueList(z.enum(AFTER_REPORT_ACTIONS))),
      bandsToModerators: z
        .strictObject({
          reporter: z
            .enum(BAND_DISCLOSURES)
            .describe("The reporter's verified band when they give their name."),
          reporterWithheld: z
            .enum(BAND_DISCLOSURES)
            .describe(
              "The reporter's verified band when they leave their name out (DSA Art. 16(2)(c)): an exact band narrows who it could be, so a pack may send less.",
            ),
          reported: z.enum(BAND_DISCLOSURES).describe("The reported account's verified band."),
        })
        .describe(
          "What the moderators learn about ages with a report: band (the exact band, e.g. 13-15), group (minor or adult only) or none. Only verified bands ever go; an unverified one is not known.",
        ),
      evidence: z.strictObject({
        requestMessages: z
          .int()
          .min(0)
          .max(MAX_REPORT_CONTEXT_MESSAGES)
          .describe(
            `How many of a reported request's newest messages travel sealed to the moderators; the reporter never saw them and the sheet never shows them. At most ${String(MAX_REPORT_CONTEXT_MESSAGES)}.`,
          ),
        contextMessages: z
          .int()
          .min(0)
          .max(MAX_REPORT_CONTEXT_MESSAGES)
          .describe(
            `How many messages before a reported message travel with it, sealed to the moderators (the reporter sees them and may leave them out). At most ${String(MAX_REPORT_CONTEXT_MESSAGES)}: the report bundle's wire format carries no more.`,
          ),
      }),
    }),
    help: z.strictObject({
      moments: z.record(z.enum(HELP_MOMENTS), byBand(uniqueList(HelpResourceIdSchema))),
      afterReportCategory: z.record(ReportCategorySchema, uniqueList(HelpResourceIdSchema)),
      afterReportBetweenPeers: uniqueList(HelpResourceIdSchema).describe(
        "After a report between peers in a category with adviseBetweenPeers: the help shown instead of afterReportCategory (e.g. Helpwanted, which helps get an image taken down).",
      ),
      needs: z
        .record(z.enum(HELP_NEEDS), byBand(uniqueList(HelpResourceIdSchema)))
        .describe(
          "needs[need][band]: the help for what the person said is going on, in order. The help screen offers a need to a band only when its list is not empty.",
        ),
    }),
    settingChanges: z.record(z.enum(PROTECTIVE_SETTINGS), byBand(SettingChangeCell)),
    room: z
      .strictObject({
        overviewWhenStrangersInside: byBand(z.boolean()).describe(
          "Per band of the invited person: an invitation with someone inside who would not be a normal chat on their own shows the group safety overview (or is held aside).",
        ),
        unknownMembership: byBand(z.enum(ROOM_PRESENTATIONS)).describe(
          "Per band: how a group invitation is presented when the homeserver does not say who is in it.",
        ),
        announceStrangersJoining: byBand(z.boolean()).describe(
          "Per band: announce, in the room, someone unknown who joins a room the person is in.",
        ),
        notifications: byBand(z.enum(NOTIFICATION_CONTENTS)).describe(
          "Per band of the device user: what a notification of a new message may show (a lock screen anyone holding the phone can read). Applies only to members whose messages the chat shows; anyone else never causes a notification.",
        ),
      })
      .describe("Rooms: every member judged, not only the inviter (complete mediation)."),
    media: z
      .strictObject({
        recentlyAcceptedHours: byBand(z.int().min(0).max(8760)).describe(
          "Per band of the device user: for how many hours after accepting someone's request they count as recently accepted (0: never).",
        ),
        incoming: byBand(byMediaRelationship(z.enum(INCOMING_MEDIA_EFFECTS))).describe(
          "incoming[reader band][sender relationship]: show; tap-to-download (nothing downloaded until the person taps, then blurred with a warning); or not-viewable.",
        ),
        outgoing: byBand(byMediaRelationship(z.enum(OUTGOING_MEDIA_EFFECTS))).describe(
          "outgoing[sender band][recipient relationship]: send, or a think-first notice first (they may still send). With several recipients the most protective cell wins.",
        ),
        thinkFirstKinds: uniqueList(z.enum(MEDIA_KINDS)).describe(
          "The media kinds the outgoing table applies to; any other kind is sent without a notice.",
        ),
        unsend: byBand(z.enum(MEDIA_UNSEND_MODES)).describe(
          "Per band of the sender: when 'unsend' (with the caveat that it may already be saved) is offered after sending.",
        ),
        help: byBand(uniqueList(HelpResourceIdSchema)).describe(
          "Per band of the device user: help offered with a media warning or think-first notice (before the warning's usual help).",
        ),
      })
      .describe(
        "Images and files: decided by who sent them and when, never by what they show (no scanning, hashing or classifiers).",
      ),
  })
  .describe("A safety-by-design chat policy pack.");

export type PolicyPack = z.infer<typeof PolicyPackShape>;

type Issue = { readonly path: readonly (string | number)[]; readonly message: string };

/**
 * Rules about the pack as a whole that a per-field schema cannot say. They
 * keep the tables honest (a `declined` request cannot offer "accept") and put
 * a floor under every production pack.
 */
export function packConsistencyIssues(pack: PolicyPack): Issue[] {
  const issues: Issue[] = [];
  if (pack.purpose === "production") {
    for (const guard of GUARD_NAMES) {
      if (!pack.guards[guard]) {
        issues.push({
          path: ["guards", guard],
          message: "a production pack must enable every guard; only a control-arm pack may not",
        });
      }
    }
  }
  for (const band of AGE_BANDS) {
    if (!isMinor(band)) continue;
    pack.peers[band].forEach((peer: AgeBand, index) => {
      if (!isMinor(peer)) {
        issues.push({
          path: ["peers", band, index],
          message: `a minor's peers must be minors; "${peer}" is not`,
        });
      }
    });
  }
  for (const band of AGE_BANDS) {
    for (const relation of RELATIONSHIP_CLASSES) {
      const cell = pack.incomingContact.cells[band][relation];
      const path = ["incomingContact", "cells", band, relation];
      if (cell.presentation === "declined" && cell.accept !== "not-offered") {
        issues.push({
          path: [...path, "accept"],
          message: "a declined request cannot offer accept",
        });
      }
      if (cell.presentation === "declined" && cell.preview !== "hidden") {
        issues.push({ path: [...path, "preview"], message: "a declined request has no preview" });
      }
      if (cell.presentation === "normal" && cell.preview !== "shown") {
        issues.push({ path: [...path, "preview"], message: "a normal chat shows its messages" });
      }
      checkNotices(issues, ["contact", band, relation], pack.contact[band][relation]);
    }
  }
  for (const band of AGE_BANDS) {
    const cell = pack.contactWithoutAnswer[band];
    checkNotices(issues, ["contactWithoutAnswer", band], cell);
    // No silent fail-open: when the recipient may be a minor whose device is
    // offline, an adult or unverified sender is at least told so.
    if (pack.purpose === "production" && isAdultOrUnverified(band) && cell.effect === "allowed") {
      issues.push({
        path: ["contactWithoutAnswer", band, "effect"],
        message:
          "a production pack must not let an adult or unverified sender reach an unanswered recipient without a notice",
      });
    }
  }
  if (pack.purpose === "production") {
    for (const band of AGE_BANDS) {
      if (!isMinor(band)) continue;
      if (!pack.room.overviewWhenStrangersInside[band]) {
        issues.push({
          path: ["room", "overviewWhenStrangersInside", band],
          message: "a production pack must show minors who is inside a group before they join",
        });
      }
      if (!pack.room.announceStrangersJoining[band]) {
        issues.push({
          path: ["room", "announceStrangersJoining", band],
          message: "a production pack must tell minors when someone unknown joins their chat",
        });
      }
      if (pack.room.unknownMembership[band] === "normal") {
        issues.push({
          path: ["room", "unknownMembership", band],
          message: "a group whose members are unknown is never a normal chat for a minor",
        });
      }
      if (pack.room.notifications[band] === "sender-and-text") {
        issues.push({
          path: ["room", "notifications", band],
          message: "a production pack never shows a minor's notifications with sender or text",
        });
      }
    }
  }
  if (pack.purpose === "production") {
    for (const band of AGE_BANDS) {
      if (!isMinor(band)) continue;
      for (const relation of MEDIA_RELATIONSHIPS) {
        if (relation === "contact") continue;
        if (pack.media.incoming[band][relation] === "show") {
          issues.push({
            path: ["media", "incoming", band, relation],
            message:
              "a production pack never downloads media for a minor from someone they do not know (well) before they tap",
          });
        }
      }
      for (const relation of ["adult-stranger", "unverified-stranger"] as const) {
        if (pack.media.outgoing[band][relation] === "send") {
          issues.push({
            path: ["media", "outgoing", band, relation],
            message:
              "a production pack shows a minor the think-first notice before media goes to an unknown adult",
          });
        }
      }
    }
  }
  for (const setting of PROTECTIVE_SETTINGS) {
    for (const band of AGE_BANDS) {
      checkNotices(issues, ["settingChanges", setting, band], pack.settingChanges[setting][band]);
    }
  }
  for (const band of AGE_BANDS) {
    // The sheet shows the default checked: a default it does not offer would be a choice the
    // reporter can see but not make again.
    const defaults = pack.report.defaultCategory;
    // A simple sheet pre-sets nothing: its one-tap report is filed as `otherwise`.
    const reachable =
      pack.report.sheet[band] === "simple"
        ? [defaults.otherwise]
        : [
            ...(isMinor(band) ? [defaults.unknownAdultToMinor] : []),
            defaults.nameLooksLikeSomeoneElse,
            defaults.otherwise,
          ];
    for (const category of new Set(reachable)) {
      if (!pack.report.categoryChoices[band].includes(category)) {
        issues.push({
          path: ["report", "categoryChoices", band],
          message: `must offer "${category}", a one-tap default for this band`,
        });
      }
    }
  }
  for (const band of AGE_BANDS) {
    pack.report.peers[band].forEach((peer: AgeBand, index) => {
      if (!isMinor(band) || !isMinor(peer)) {
        issues.push({
          path: ["report", "peers", band, index],
          message: "only verified minors can be peers for routing",
        });
      }
    });
  }
  for (const category of REPORT_CATEGORIES) {
    const routing = pack.report.categories[category];
    const index = routing.adviseForMaterialInChats.indexOf("meldpunt-kinderporno");
    if (index >= 0) {
      issues.push({
        path: ["report", "categories", category, "adviseForMaterialInChats", index],
        message:
          "Meldpunt Kinderporno only handles material on public websites; advise the police for chats",
      });
    }
  }
  return issues;
}

/** An effect that informs or refuses must say why; a plain allow says nothing. */
function checkNotices(
  issues: Issue[],
  path: readonly (string | number)[],
  cell: { readonly effect: string; readonly notices: readonly string[] },
): void {
  const quiet = cell.effect === "allowed" || cell.effect === "allow";
  if (quiet && cell.notices.length > 0) {
    issues.push({ path: [...path, "notices"], message: `"${cell.effect}" takes no notices` });
  }
  if (!quiet && cell.notices.length === 0) {
    issues.push({
      path: [...path, "notices"],
      message: `"${cell.effect}" needs at least one notice`,
    });
  }
}

export const PolicyPackSchema = PolicyPackShape.superRefine((pack, context) => {
  for (const issue of packConsistencyIssues(pack)) {
    context.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
  }
});
