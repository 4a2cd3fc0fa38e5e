// View-model layer: handing a report over, as the moderation screen offers
// it. Which bodies the engine advises comes from the routing decision; which
// of them this deployment can seal to comes from configuration (their public
// keys); the package itself is the services layer's (reporting/handoff.ts).
// Here: the Dutch summary a person at the body reads first, and the words of
// the good-faith statement the reporter saw. Dutch whatever the moderator's
// own language: the bodies are Dutch.

import type { HandoffMediaInput, HandoffPackage, ReportBundle } from "@safety-by-design/protocol";
import { HELP_RESOURCES, HELP_RESOURCE_IDS, type HelpResourceId } from "../help/resources.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { createTranslator } from "../i18n/i18n.ts";
import { nl as messagesNl } from "../i18n/messages.nl.ts";
import { createHandoffFile } from "../reporting/handoff.ts";
import type { ModerationHandoff } from "./ModerationViewModel.ts";
import type { ReportMediaFetcher } from "./moderationMedia.ts";

export type HandoffConfiguration = {
  /** Public keys by body id (deployment configuration). */
  readonly keys: Readonly<Record<string, string>>;
  readonly sender: HandoffPackage["sender"];
  /**
   * Reported media (RMEDIA): downloads and decrypts a report's media, which
   * travels inside the package (its bytes, with a digest). Absent: a report
   * with media cannot be handed over from this device.
   */
  readonly fetchMedia?: ReportMediaFetcher;
};

export function createModerationHandoff(config: HandoffConfiguration): ModerationHandoff {
  const nl = createTranslator("nl");
  const bodies = HELP_RESOURCE_IDS.filter((id) => config.keys[id] !== undefined);
  return {
    bodies,
    create: async (report, bodyId, now) => {
      const opened = report.opened;
      const statementKey = opened.ok ? opened.bundle.notice.goodFaith.statementKey : "";
      let media: readonly HandoffMediaInput[] = [];
      if (opened.ok && (opened.bundle.media?.length ?? 0) > 0) {
        try {
          media = await handoffMedia(opened.bundle, config.fetchMedia);
        } catch (error) {
          return {
            ok: false,
            reason: "invalid",
            problems: [error instanceof Error ? error.message : "reported media did not open"],
          };
        }
      }
      return createHandoffFile({
        report,
        recipient: { bodyId, name: HELP_RESOURCES[bodyId].name.nl },
        recipientPublicKey: config.keys[bodyId],
        sender: config.sender,
        goodFaithStatement: isMessageKey(statementKey) ? nl.t(statementKey) : statementKey,
        moderatorNote: null,
        summary: (pkg) => handoffSummaryNl(pkg, nl.t),
        ...(media.length === 0 ? {} : { media }),
        now,
      });
    },
  };
}

/**
 * Reported media (RMEDIA) as the package takes it: downloaded and decrypted
 * here, each with the role, sender and time of the message it came with.
 * The package's digest is over these bytes, what the reporter chose to
 * report; it is never compared with any list.
 */
async function handoffMedia(
  bundle: ReportBundle,
  fetchMedia: ReportMediaFetcher | undefined,
): Promise<HandoffMediaInput[]> {
  if (fetchMedia === undefined) throw new Error("reported media cannot be opened on this device");
  const { evidence } = bundle;
  const carried =
    evidence.kind === "messages"
      ? [
          { role: "reported" as const, message: evidence.reported },
          ...evidence.context.map((message) => ({ role: "context" as const, message })),
        ]
      : (evidence.unseen?.messages ?? []).map((message) => ({
          role: "held-aside" as const,
          message,
        }));
  const media: HandoffMediaInput[] = [];
  for (const item of bundle.media ?? []) {
    const from = carried.find((c) => c.message.eventId === item.eventId);
    if (from === undefined) throw new Error(`media of an event the report does not carry`);
    media.push({
      role: from.role,
      eventId: item.eventId,
      sender: from.message.sender,
      timestamp: from.message.timestamp,
      mimetype: item.mimetype,
      bytes: await fetchMedia(item),
    });
  }
  return media;
}

/** Whether the bundle's statement key is one of this build's texts (an older app's may not be). */
function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messagesNl, key);
}

/** The package in a few lines of Dutch: what, where, who (if given), when, what is attached. */
export function handoffSummaryNl(
  pkg: HandoffPackage,
  t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string,
): string {
  const when = (ms: number) =>
    new Intl.DateTimeFormat("nl-NL", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Europe/Amsterdam",
    }).format(new Date(ms));
  const { notice } = pkg;
  const messages = pkg.evidence.filter((e) => e.kind === "message").length;
  const media = pkg.evidence.filter((e) => e.kind === "media").length;
  const lines = [
    t("moderation.handoffSummary.intro", {
      body: pkg.recipient.name,
      service: pkg.sender.service,
    }),
    t("moderation.handoffSummary.category", {
      category: t(`moderation.category.${pkg.category}` as MessageKey),
    }),
    t("moderation.handoffSummary.explanation", { text: notice.explanation }),
    notice.location.kind === "room-events"
      ? t("moderation.handoffSummary.locationMessages", {
          room: notice.location.roomId,
          count: notice.location.eventIds.length,
        })
      : t("moderation.handoffSummary.locationProfile", { user: notice.location.userId }),
    notice.notifier.kind === "withheld"
      ? t("moderation.handoffSummary.notifierWithheld")
      : t("moderation.handoffSummary.notifierNamed", { user: notice.notifier.userId }),
    t("moderation.handoffSummary.times", {
      created: when(pkg.report.createdAt),
      received: when(pkg.report.receivedAt),
      handedOver: when(pkg.handedOverAt),
    }),
    t("moderation.handoffSummary.evidence", { messages, media }),
    t("moderation.handoffSummary.goodFaith", {
      answer: notice.goodFaith.confirmed
        ? t("moderation.handoffSummary.yes")
        : t("moderation.handoffSummary.no"),
    }),
    t("moderation.handoffSummary.contact", { contact: pkg.sender.contact }),
  ];
  return lines.join("\n");
}

export type { HelpResourceId };
