// View-model layer: the images and files of one conversation screen.
// (Over 400 lines: what the timeline and the full-screen viewer fetch follow one decision and one consent per picture.)
// What is fetched, and when, follows the engine's `media` decision alone:
// "show" loads a picture once its row is on screen; "tap-to-download"
// fetches nothing until the person taps, then shows it blurred (the
// decision's `blurred`) until they tap again; "not-viewable" never fetches.
// A file is only ever downloaded when the person taps, and is handed to the
// browser to save, never opened here. A shown picture is the sender's
// preview (the spec's thumbnail, at most 800 px), decoded and scaled to the
// bubble: a bitmap the view draws into a canvas, closed when its row leaves
// the screen (memory) or the screen closes. The full picture is fetched only
// when the person opens it in the full-screen viewer, and only for a picture
// that shows as it is (one still blurred stays behind its warning). The
// person's taps (consent) are kept while the screen is open.

import type { IncomingMediaDecision } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { MediaDisplay } from "../media/mediaDisplay.ts";
import { VIEWER_MAX_SIDE, type ShownPicture } from "../media/pictureDecoding.ts";
import type {
  DownloadedMedia,
  MediaPart,
  MediaProblem,
  TimelineMedia,
} from "../matrix/mediaTypes.ts";
import type { NoticeView } from "./noticeView.ts";
import type { WhyView } from "./whyView.ts";

/** What the conversation's source must offer to fetch media; ChatSession satisfies it. */
export type MediaSource = {
  downloadMedia?(roomId: string, eventId: string, part: MediaPart): Promise<DownloadedMedia>;
};

/** Where an image or file is, from nothing fetched to shown. */
export type MediaState =
  /** Something is wrong with it (found before fetching, or after): nothing shows, ever. */
  | { readonly kind: "placeholder"; readonly problem: MediaProblem }
  /** The decision lets nothing be fetched (an 8-12 and a stranger's picture). */
  | { readonly kind: "not-viewable" }
  /** Nothing fetched. `tap`: the person may tap to fetch it (a file, or a stranger's picture). */
  | { readonly kind: "waiting"; readonly tap: boolean }
  | { readonly kind: "loading" }
  | {
      readonly kind: "picture";
      /** Pixels this device decoded and scaled; the view draws them into a canvas. */
      readonly picture: ShownPicture;
      readonly width: number;
      readonly height: number;
      /** Shown blurred, with the decision's warning, until the person taps "show". */
      readonly blurred: boolean;
      /** It may open full screen (shown as it is, not blurred). */
      readonly canOpen: boolean;
    }
  /** A file handed to the browser to save. */
  | { readonly kind: "saved" }
  /** The server did not give it (offline, removed): the person may try again. */
  | { readonly kind: "unavailable" };

/** An image or file in a message row: what it declares, where it is, and the decision's words. */
export type MediaView = {
  readonly display: TimelineMedia["display"];
  readonly kind: TimelineMedia["kind"];
  /** The file's name as sent (cleaned): shown as text on a file's card. */
  readonly name: string;
  /** Declared type and size (the sender's claims, shown as such). */
  readonly mimetype: string | undefined;
  readonly size: number | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly state: MediaState;
  /** The decision's warning (a stranger's, recently accepted, not viewable); empty for "show". */
  readonly notices: readonly NoticeView[];
  readonly help: readonly HelpResourceId[];
  /** Block and report one tap away (the decision's actions). */
  readonly canBlock: boolean;
  readonly canReport: boolean;
  /** "Waarom zie ik dit?" for the decision; undefined for "show". */
  readonly why: WhyView | undefined;
};

/** How one media message may show: its declaration and, for someone else's, the decision. */
export type MediaItem = {
  readonly eventId: string;
  readonly media: TimelineMedia;
  /** Undefined for the device user's own (always shown). */
  readonly decision: IncomingMediaDecision | undefined;
  /**
   * The device user's own, still on its way (a local echo): the server has
   * nothing to fetch yet, and the event is not yet encrypted, so the Matrix
   * layer would refuse it. It loads once it is sent.
   */
  readonly sending: boolean;
};

/** The full-screen viewer's picture: the sender's full picture, fetched when it opened. */
export type ViewerState =
  | { readonly kind: "loading" }
  | { readonly kind: "picture"; readonly picture: ShownPicture }
  | { readonly kind: "placeholder"; readonly problem: MediaProblem }
  | { readonly kind: "unavailable" };

type Loaded =
  | { readonly kind: "loading"; readonly generation: number }
  | { readonly kind: "picture"; readonly picture: ShownPicture }
  | { readonly kind: "saved" }
  | { readonly kind: "refused"; readonly problem: MediaProblem }
  | { readonly kind: "unavailable" };

/** Pictures fetched and decoded at once; more wait their turn (memory, on a phone). */
const PARALLEL_LOADS = 3;

export class ConversationMedia {
  readonly #roomId: string;
  readonly #source: MediaSource;
  readonly #display: MediaDisplay;
  readonly #changed: () => void;
  /** The last items the screen showed, by event id (what a tap or visibility acts on). */
  #items = new Map<string, MediaItem>();
  /** Events the person tapped to fetch (consent, for this screen's life). */
  readonly #consented = new Set<string>();
  /** Pictures the person chose to see without blur. */
  readonly #unblurred = new Set<string>();
  /** Rows on screen now (the view says so). */
  readonly #visible = new Set<string>();
  readonly #loaded = new Map<string, Loaded>();
  readonly #queue: string[] = [];
  #running = 0;
  #generation = 0;
  #disposed = false;
  /** The picture open full screen, if any (one at a time). */
  #viewer:
    | { readonly eventId: string; readonly generation: number; readonly state: ViewerState }
    | undefined;

  constructor(roomId: string, source: MediaSource, display: MediaDisplay, changed: () => void) {
    this.#roomId = roomId;
    this.#source = source;
    this.#display = display;
    this.#changed = changed;
  }

  /** The screen's media items now (after each refresh); fetches what became allowed and is on screen. */
  update(items: readonly MediaItem[]): void {
    this.#items = new Map(items.map((item) => [item.eventId, item]));
    for (const eventId of [...this.#loaded.keys()]) {
      // A message gone from the screen (redacted, blocked sender) lets go of its picture.
      if (!this.#items.has(eventId) || !this.#mayLoadPicture(eventId)) this.#release(eventId);
    }
    // The same for the viewer: a picture that may no longer show (its sender blocked) closes.
    if (this.#viewer !== undefined && !this.#mayOpen(this.#viewer.eventId)) this.#closeViewer();
    for (const eventId of this.#visible) this.#loadIfAllowed(eventId);
  }

  /** What the row shows. */
  viewOf(item: MediaItem, why: WhyView | undefined): MediaView {
    const { media, decision } = item;
    const warned = decision !== undefined && decision.effect !== "show";
    return {
      display: media.display,
      kind: media.kind,
      name: media.name,
      mimetype: media.mimetype,
      size: media.size,
      width: media.width,
      height: media.height,
      state: this.#stateOf(item),
      notices: warned ? decision.notices : [],
      help: warned ? decision.help : [],
      canBlock: decision?.actions.includes("block") ?? false,
      canReport: decision?.actions.includes("report") ?? false,
      why: warned ? why : undefined,
    };
  }

  /** The person taps: fetch this picture, or download this file. Nothing for a not-viewable one. */
  tap(eventId: string): void {
    const item = this.#items.get(eventId);
    if (item === undefined || !mayFetchOnTap(item)) return;
    this.#consented.add(eventId);
    const loaded = this.#loaded.get(eventId);
    if (loaded?.kind === "loading") return;
    if (loaded?.kind === "unavailable" || loaded?.kind === "saved") this.#loaded.delete(eventId);
    if (item.media.display === "file") {
      this.#start(eventId);
    } else {
      this.#loadIfAllowed(eventId);
    }
    this.#changed();
  }

  /** The person chose to see a blurred picture as it is. */
  unblur(eventId: string): void {
    this.#unblurred.add(eventId);
    this.#changed();
  }

  /** The row came on screen: an allowed picture loads. */
  visible(eventId: string): void {
    this.#visible.add(eventId);
    this.#loadIfAllowed(eventId);
  }

  /** The row left the screen: its picture's memory is freed (it loads again when back). */
  hidden(eventId: string): void {
    this.#visible.delete(eventId);
    const loaded = this.#loaded.get(eventId);
    if (loaded?.kind === "picture" || loaded?.kind === "loading") {
      this.#release(eventId);
      this.#changed();
    }
  }

  /**
   * The person opens a shown picture full screen: its full picture is fetched
   * now. Only a picture that shows as it is may open (not one still blurred,
   * never one the decision keeps from view). Returns whether it opened.
   */
  open(eventId: string): boolean {
    if (!this.#mayOpen(eventId)) return false;
    this.#closeViewer();
    const generation = ++this.#generation;
    this.#viewer = { eventId, generation, state: { kind: "loading" } };
    this.#changed();
    void this.#fetchFull(eventId, generation);
    return true;
  }

  /** The viewer closed: its picture's memory is freed. */
  closeViewer(): void {
    if (this.#viewer === undefined) return;
    this.#closeViewer();
    this.#changed();
  }

  /** The open picture and its state, or undefined when the viewer is closed. */
  viewer(): { readonly eventId: string; readonly state: ViewerState } | undefined {
    const viewer = this.#viewer;
    return viewer === undefined ? undefined : { eventId: viewer.eventId, state: viewer.state };
  }

  dispose(): void {
    this.#disposed = true;
    for (const eventId of [...this.#loaded.keys()]) this.#release(eventId);
    this.#closeViewer();
    this.#queue.length = 0;
  }

  #mayOpen(eventId: string): boolean {
    const item = this.#items.get(eventId);
    if (item?.media.display !== "picture" || !this.#mayLoadPicture(eventId)) return false;
    return !this.#blurred(item);
  }

  #blurred(item: MediaItem): boolean {
    return (item.decision?.blurred ?? false) && !this.#unblurred.has(item.eventId);
  }

  async #fetchFull(eventId: string, generation: number): Promise<void> {
    const item = this.#items.get(eventId);
    const download = this.#source.downloadMedia?.bind(this.#source);
    let state: ViewerState;
    try {
      if (item === undefined || download === undefined) throw new Error("no source");
      const downloaded = await download(this.#roomId, eventId, "file");
      if (this.#viewer?.generation !== generation || this.#disposed) return;
      const picture = await this.#display.picture(
        downloaded.bytes,
        downloaded.mimetype,
        VIEWER_MAX_SIDE,
      );
      state = { kind: "picture", picture };
    } catch (error) {
      const failure = failureOf(error);
      state =
        failure.kind === "refused"
          ? { kind: "placeholder", problem: failure.problem }
          : {
              kind: "unavailable",
            };
    }
    if (this.#viewer?.generation !== generation || this.#disposed) {
      if (state.kind === "picture") this.#display.release(state.picture);
      return;
    }
    this.#viewer = { ...this.#viewer, state };
    this.#changed();
  }

  #closeViewer(): void {
    const state = this.#viewer?.state;
    if (state?.kind === "picture") this.#display.release(state.picture);
    this.#viewer = undefined;
  }

  #stateOf(item: MediaItem): MediaState {
    const { media, decision, eventId } = item;
    if (media.problem !== undefined) return { kind: "placeholder", problem: media.problem };
    if (decision?.effect === "not-viewable") return { kind: "not-viewable" };
    const loaded = this.#loaded.get(eventId);
    switch (loaded?.kind) {
      case "loading":
        return { kind: "loading" };
      case "picture": {
        const blurred = this.#blurred(item);
        return {
          kind: "picture",
          picture: loaded.picture,
          width: loaded.picture.width,
          height: loaded.picture.height,
          blurred,
          canOpen: !blurred,
        };
      }
      case "saved":
        return { kind: "saved" };
      case "refused":
        return { kind: "placeholder", problem: loaded.problem };
      case "unavailable":
        return { kind: "unavailable" };
      default:
        // A picture that loads by itself waits for its row to come on screen; others for a tap.
        return {
          kind: "waiting",
          tap: media.display === "file" || !this.#autoLoads(item) ? mayFetchOnTap(item) : false,
        };
    }
  }

  /** A picture that loads without a tap: the decision says "show", or the person tapped. */
  #autoLoads(item: MediaItem): boolean {
    return (
      item.decision === undefined ||
      item.decision.effect === "show" ||
      this.#consented.has(item.eventId)
    );
  }

  #mayLoadPicture(eventId: string): boolean {
    const item = this.#items.get(eventId);
    if (item === undefined || item.media.problem !== undefined || item.sending) return false;
    if (item.decision?.effect === "not-viewable") return false;
    if (item.media.display === "file") return this.#consented.has(eventId);
    return this.#autoLoads(item);
  }

  #loadIfAllowed(eventId: string): void {
    const item = this.#items.get(eventId);
    if (item?.media.display !== "picture" || this.#loaded.has(eventId)) return;
    if (!this.#visible.has(eventId) || !this.#mayLoadPicture(eventId)) return;
    this.#start(eventId);
  }

  #start(eventId: string): void {
    const generation = ++this.#generation;
    this.#loaded.set(eventId, { kind: "loading", generation });
    this.#queue.push(eventId);
    this.#pump();
  }

  #pump(): void {
    while (this.#running < PARALLEL_LOADS && this.#queue.length > 0) {
      const eventId = this.#queue.shift();
      if (eventId === undefined) return;
      const loading = this.#loaded.get(eventId);
      if (loading?.kind !== "loading") continue; // released while waiting
      this.#running++;
      void this.#fetch(eventId, loading.generation).finally(() => {
        this.#running--;
        this.#pump();
      });
    }
  }

  async #fetch(eventId: string, generation: number): Promise<void> {
    const item = this.#items.get(eventId);
    const download = this.#source.downloadMedia?.bind(this.#source);
    if (item === undefined || download === undefined) {
      this.#settle(eventId, generation, { kind: "unavailable" });
      return;
    }
    const picture = item.media.display === "picture";
    let result: Loaded;
    try {
      const downloaded = await download(this.#roomId, eventId, picture ? "preview" : "file");
      if (picture) {
        const shown = await this.#display.picture(downloaded.bytes, downloaded.mimetype);
        if (this.#current(eventId, generation)) {
          result = { kind: "picture", picture: shown };
        } else {
          this.#display.release(shown);
          return;
        }
      } else {
        if (this.#current(eventId, generation))
          this.#display.save(downloaded.bytes, item.media.name);
        result = { kind: "saved" };
      }
    } catch (error) {
      result = failureOf(error);
    }
    this.#settle(eventId, generation, result);
  }

  #current(eventId: string, generation: number): boolean {
    const loaded = this.#loaded.get(eventId);
    return !this.#disposed && loaded?.kind === "loading" && loaded.generation === generation;
  }

  #settle(eventId: string, generation: number, result: Loaded): void {
    if (!this.#current(eventId, generation)) {
      if (result.kind === "picture") this.#display.release(result.picture);
      return;
    }
    this.#loaded.set(eventId, result);
    this.#changed();
  }

  #release(eventId: string): void {
    const loaded = this.#loaded.get(eventId);
    if (loaded?.kind === "picture") this.#display.release(loaded.picture);
    // A refusal or a saved file stays known; only what holds memory (or is under way) goes.
    if (loaded?.kind === "picture" || loaded?.kind === "loading") this.#loaded.delete(eventId);
  }
}

/** Whether a tap may fetch this item: no problem, and the decision offers "view" (or it is mine). */
function mayFetchOnTap(item: MediaItem): boolean {
  if (item.media.problem !== undefined) return false;
  if (item.decision === undefined) return true;
  if (item.decision.effect === "not-viewable") return false;
  return item.decision.effect === "show" || item.decision.actions.includes("view");
}

/** A download or decoding failure as what the row shows. */
function failureOf(error: unknown): Loaded {
  const reason =
    typeof error === "object" && error !== null && "reason" in error ? String(error.reason) : "";
  switch (reason) {
    case "type-mismatch":
    case "too-large":
    case "damaged":
      return { kind: "refused", problem: reason };
    case "refused":
      return { kind: "refused", problem: "missing-keys" };
    default:
      return { kind: "unavailable" };
  }
}
