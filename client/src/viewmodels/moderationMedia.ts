// View-model layer: reported images and files on the moderator's device
// (RMEDIA, issue 13 acceptance 5). Each starts as a placeholder with a
// warning ("kan schokkend zijn"); only when the moderator taps "Toon" is the
// re-encrypted copy downloaded (authenticated media), its digest checked,
// decrypted, and shown through the same safe path as receiving a picture
// (header check, pixel limit, redrawn by this device). Anything that is not a
// raster picture (SVG, HTML, unknown) is offered as a file to save, never
// rendered. A shown picture is released when the report closes.

import type { ReportMediaItem } from "@safety-by-design/protocol";
import type { MediaDisplay } from "../media/mediaDisplay.ts";
import { PICTURE_TYPES } from "../media/mediaLimits.ts";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import { ReportMediaError, type ReportMediaOpenFailure } from "../reporting/reportMedia.ts";

/** Downloads, checks and decrypts one reported item (reporting/reportMedia.ts's fetchReportMedia). */
export type ReportMediaFetcher = (item: ReportMediaItem) => Promise<Uint8Array<ArrayBuffer>>;

/** What the moderation screen needs to open reported media; absent: it says it cannot. */
export type ModerationMediaOpener = {
  readonly fetch: ReportMediaFetcher;
  readonly display: MediaDisplay;
};

export type ModerationMediaState =
  /** The placeholder with the warning: nothing downloaded. */
  | { readonly kind: "hidden" }
  | { readonly kind: "loading" }
  | { readonly kind: "picture"; readonly picture: ShownPicture }
  /** Not a picture this device draws: downloaded on the tap and handed to the browser to save. */
  | { readonly kind: "saved" }
  | {
      readonly kind: "failed";
      /** "refused": the picture's bytes are not what it declared, or too large to draw. */
      readonly reason: ReportMediaOpenFailure | "refused" | "not-configured";
    };

/** One reported item as the screen shows it: what the reporter's device declared, and its state. */
export type ModerationMediaView = {
  readonly index: number;
  readonly eventId: string;
  readonly kind: "image" | "file";
  /** "picture": drawn after "Toon"; "file": saved, never opened here. */
  readonly display: "picture" | "file";
  readonly mimetype: string;
  readonly size: number;
  readonly name: string;
  readonly state: ModerationMediaState;
};

/** Whether this device draws an item (a raster type it decodes); everything else is a file. */
function displayOf(item: ReportMediaItem): "picture" | "file" {
  return item.kind === "image" && PICTURE_TYPES.includes(item.mimetype) ? "picture" : "file";
}

/** The media of one opened report: placeholders until the moderator taps. */
export class ModerationMedia {
  readonly #opener: ModerationMediaOpener | undefined;
  readonly #changed: () => void;
  #reportId: string | undefined;
  #states = new Map<number, ModerationMediaState>();

  constructor(opener: ModerationMediaOpener | undefined, changed: () => void) {
    this.#opener = opener;
    this.#changed = changed;
  }

  /** The screen's rows for a report's media (a different report lets go of the last one's). */
  viewOf(reportId: string, items: readonly ReportMediaItem[]): readonly ModerationMediaView[] {
    if (this.#reportId !== reportId) this.release(reportId);
    return items.map((item, index) => ({
      index,
      eventId: item.eventId,
      kind: item.kind,
      display: displayOf(item),
      mimetype: item.mimetype,
      size: item.size,
      name: item.name,
      state: this.#states.get(index) ?? { kind: "hidden" },
    }));
  }

  /** "Toon": download, check and decrypt; then draw a picture or save a file. */
  async show(reportId: string, index: number, item: ReportMediaItem, name: string): Promise<void> {
    if (this.#reportId !== reportId) this.release(reportId);
    const current = this.#states.get(index)?.kind;
    if (current === "loading" || current === "picture") return;
    const opener = this.#opener;
    if (opener === undefined) {
      this.#set(reportId, index, { kind: "failed", reason: "not-configured" });
      return;
    }
    this.#set(reportId, index, { kind: "loading" });
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await opener.fetch(item);
    } catch (error) {
      this.#set(reportId, index, {
        kind: "failed",
        reason: error instanceof ReportMediaError ? error.reason : "unavailable",
      });
      return;
    }
    if (displayOf(item) === "file") {
      opener.display.save(bytes, name);
      this.#set(reportId, index, { kind: "saved" });
      return;
    }
    try {
      const picture = await opener.display.picture(bytes, item.mimetype);
      if (this.#reportId !== reportId) {
        opener.display.release(picture);
        return;
      }
      this.#set(reportId, index, { kind: "picture", picture });
    } catch {
      this.#set(reportId, index, { kind: "failed", reason: "refused" });
    }
  }

  /** Lets go of every shown picture (the report closed, or another opened). */
  release(nextReportId?: string): void {
    for (const state of this.#states.values()) {
      if (state.kind === "picture") this.#opener?.display.release(state.picture);
    }
    this.#states = new Map();
    this.#reportId = nextReportId;
  }

  #set(reportId: string, index: number, state: ModerationMediaState): void {
    // A report closed while its media loaded: nothing of it stays.
    if (this.#reportId !== reportId) return;
    this.#states.set(index, state);
    this.#changed();
  }
}
