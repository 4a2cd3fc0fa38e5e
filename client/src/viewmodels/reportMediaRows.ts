// View-model layer: the images and files that go with a report (RMEDIA,
// issue 13 acceptance 5), as the report sheet lists them. Whether the
// reporter may see one comes from the engine's media decision for them (the
// room decision store, through the sheet's source), never from a rule here:
// what they may see is named ("Deze foto gaat mee"), what they may not (an
// 8–12 and a stranger's picture, a request held aside) is counted in words
// only. When the report is filed, the bytes are read from the conversation
// on this device, never shown, and handed to the filer to seal.

import type { MediaKind, DownloadedMedia } from "../matrix/mediaTypes.ts";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import type { TimelineMessage } from "../matrix/sessionTypes.ts";
import type { ReportMediaPlain } from "../reporting/reportMedia.ts";

/** One image or file that goes with the report. */
export type ReportMediaRow = {
  readonly eventId: string;
  /** "image": a picture; "file": anything else (also video and audio, which are never played). */
  readonly kind: "image" | "file";
  /** The name as sent (cleaned by the Matrix layer); shown as text at most. */
  readonly name: string;
  /** Declared size in bytes (the sender's claim). */
  readonly size: number | undefined;
  readonly mimetype: string | undefined;
  /**
   * The engine lets the reporter see it: the sheet names it. False: counted
   * in words only ("Jij hoeft hem niet te zien").
   */
  readonly visible: boolean;
  /**
   * The picture as the conversation behind the sheet shows it now (the
   * reporter tapped it; blurred when the decision blurs it): the sheet shows
   * the same. Undefined: words only (not shown there, or not a picture).
   */
  readonly preview: { readonly blurred: boolean } | undefined;
  /** That preview, once this device drew it for the sheet. */
  readonly picture?: ShownPicture | undefined;
};

/** What the sheet asks of the session for media: the engine's decision and the bytes. */
export type ReportMediaSource = {
  /** Whether the engine's media decision lets the reporter see this sender's media here. */
  readonly visible: (roomId: string, senderUserId: string, kind: MediaKind) => boolean;
  /** The decrypted file, downloaded now if this device has not yet (the reporter's tap). */
  readonly read: (roomId: string, eventId: string) => Promise<DownloadedMedia>;
  /** How the conversation behind the sheet shows this picture now; undefined: it does not. */
  readonly shown?: (roomId: string, eventId: string) => { readonly blurred: boolean } | undefined;
  /** Draws the picture's preview for the sheet (only one the conversation already shows). */
  readonly preview?: (roomId: string, eventId: string) => Promise<ShownPicture>;
  /** Lets go of a preview the sheet drew (the sheet closed). */
  readonly release?: (picture: ShownPicture) => void;
};

/**
 * The media of the messages that go with the report. `seen` false: the
 * reporter never saw these messages (a request held aside), so none is
 * named, whatever the decision.
 */
export function reportMediaRows(
  messages: readonly TimelineMessage[],
  roomId: string,
  reporterUserId: string,
  source: ReportMediaSource | undefined,
  seen: boolean,
): readonly ReportMediaRow[] {
  if (source === undefined) return [];
  return messages.flatMap((message): ReportMediaRow[] => {
    const { media } = message;
    // Media with a problem is never fetched (the Matrix layer refuses it): it cannot travel.
    if (media === undefined || media.problem !== undefined || message.withdrawn === true) {
      return [];
    }
    if (!message.eventId.startsWith("$")) return [];
    const mine = message.sender === reporterUserId;
    const visible = seen && (mine || source.visible(roomId, message.sender, media.kind));
    const image = media.kind === "image" && media.display === "picture";
    return [
      {
        eventId: message.eventId,
        kind: image ? "image" : "file",
        name: media.name,
        size: media.size,
        mimetype: media.mimetype,
        visible,
        // Only what the reporter already sees in the conversation: nothing new is fetched to show.
        preview: visible && image ? source.shown?.(roomId, message.eventId) : undefined,
      },
    ];
  });
}

/** Reads every row's bytes on this device (for sealing, never for showing). */
export async function readReportMedia(
  rows: readonly ReportMediaRow[],
  roomId: string,
  source: ReportMediaSource,
): Promise<ReportMediaPlain[]> {
  const plain: ReportMediaPlain[] = [];
  for (const row of rows) {
    const downloaded = await source.read(roomId, row.eventId);
    plain.push({
      eventId: row.eventId,
      kind: row.kind,
      mimetype: downloaded.mimetype ?? row.mimetype,
      name: row.name,
      bytes: downloaded.bytes,
    });
  }
  return plain;
}
