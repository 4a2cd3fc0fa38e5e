// View-model layer: what is fetched, and when, follows the engine's media
// decision alone; a picture's memory goes when its row leaves the screen.
import type { IncomingMediaDecision } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { MediaDisplay } from "../media/mediaDisplay.ts";
import { VIEWER_MAX_SIDE, type ShownPicture } from "../media/pictureDecoding.ts";
import type { DownloadedMedia, MediaPart, TimelineMedia } from "../matrix/mediaTypes.ts";
import { ConversationMedia, type MediaItem } from "./conversationMedia.ts";

const picture: TimelineMedia = {
  kind: "image",
  display: "picture",
  mimetype: "image/jpeg",
  size: 120_000,
  width: 1200,
  height: 900,
  name: "foto.jpg",
  problem: undefined,
};
const file: TimelineMedia = {
  ...picture,
  kind: "file",
  display: "file",
  name: "plan.svg",
  mimetype: "image/svg+xml",
};

function decision(
  effect: IncomingMediaDecision["effect"],
  actions: IncomingMediaDecision["actions"] = [],
): IncomingMediaDecision {
  return {
    point: "media",
    direction: "incoming",
    effect,
    relationship: effect === "show" ? "contact" : "adult-stranger",
    blurred: effect === "tap-to-download",
    until: null,
    decisionId: `d-${effect}`,
    pack: { id: "nl-default", version: "1", purpose: "none" },
    notices:
      effect === "show"
        ? []
        : [
            {
              id: "media-from-stranger",
              severity: "caution",
              copyKey: "notice.mediaFromStranger.13-15",
            },
          ],
    help: effect === "show" ? [] : ["helpwanted"],
    actions,
    reasons: ["media/incoming-table"],
    errors: [],
    failedClosed: false,
  };
}

const show = decision("show");
const tapToDownload = decision("tap-to-download", ["view", "block", "report", "get-help", "why"]);
const notViewable = decision("not-viewable", ["block", "report", "get-help", "why"]);

function world() {
  const requests: { eventId: string; part: MediaPart }[] = [];
  let answer: (eventId: string) => Promise<DownloadedMedia> = () =>
    Promise.resolve({ bytes: new Uint8Array([1, 2, 3]), mimetype: "image/jpeg" });
  const source = {
    downloadMedia: (_roomId: string, eventId: string, part: MediaPart) => {
      requests.push({ eventId, part });
      return answer(eventId);
    },
  };
  const revoked: string[] = [];
  const saved: string[] = [];
  const sizes: (number | undefined)[] = [];
  let made = 0;
  const labels = new WeakMap<ShownPicture, string>();
  const display: MediaDisplay = {
    picture: (_bytes, _type, maxSide) => {
      sizes.push(maxSide);
      const shown: ShownPicture = { bitmap: {} as ImageBitmap, width: 720, height: 540 };
      labels.set(shown, `picture:${String(++made)}`);
      return Promise.resolve(shown);
    },
    release: (shown) => revoked.push(labels.get(shown) ?? "unknown"),
    save: (_bytes, name) => saved.push(name),
  };
  const changed = vi.fn();
  const media = new ConversationMedia("!room", source, display, changed);
  return {
    media,
    requests,
    revoked,
    saved,
    sizes,
    changed,
    answerWith: (next: typeof answer) => {
      answer = next;
    },
  };
}

const item = (
  eventId: string,
  media: TimelineMedia,
  d: IncomingMediaDecision | undefined,
  sending = false,
): MediaItem => ({
  eventId,
  media,
  decision: d,
  sending,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a conversation's images and files", () => {
  it("loads a contact's picture once its row is on screen, and frees it when it leaves", async () => {
    const w = world();
    const photo = item("$a", picture, show);
    w.media.update([photo]);
    expect(w.media.viewOf(photo, undefined).state).toEqual({ kind: "waiting", tap: false });
    expect(w.requests).toEqual([]);
    w.media.visible("$a");
    expect(w.requests).toEqual([{ eventId: "$a", part: "preview" }]);
    await settle();
    expect(w.media.viewOf(photo, undefined).state).toMatchObject({
      kind: "picture",
      width: 720,
      height: 540,
      blurred: false,
      canOpen: true,
    });
    w.media.hidden("$a");
    expect(w.revoked).toEqual(["picture:1"]);
    expect(w.media.viewOf(photo, undefined).state.kind).toBe("waiting");
  });

  it("loads my own picture once it is sent, not while it is still on its way", async () => {
    const w = world();
    w.media.update([item("$mine", picture, undefined, true)]);
    w.media.visible("$mine");
    expect(w.requests).toEqual([]);
    const sent = item("$mine", picture, undefined);
    w.media.update([sent]);
    expect(w.requests).toEqual([{ eventId: "$mine", part: "preview" }]);
    await settle();
    expect(w.media.viewOf(sent, undefined).state.kind).toBe("picture");
  });

  it("fetches nothing of a stranger's picture until the tap, then shows it blurred until the second tap", async () => {
    const w = world();
    const photo = item("$s", picture, tapToDownload);
    w.media.update([photo]);
    w.media.visible("$s");
    expect(w.requests).toEqual([]);
    const before = w.media.viewOf(photo, undefined);
    expect(before.state).toEqual({ kind: "waiting", tap: true });
    expect(before.notices.map((n) => n.id)).toEqual(["media-from-stranger"]);
    expect(before.help).toEqual(["helpwanted"]);
    expect(before).toMatchObject({ canBlock: true, canReport: true });
    w.media.tap("$s");
    expect(w.requests).toEqual([{ eventId: "$s", part: "preview" }]);
    await settle();
    expect(w.media.viewOf(photo, undefined).state).toMatchObject({
      kind: "picture",
      blurred: true,
      canOpen: false,
    });
    w.media.unblur("$s");
    expect(w.media.viewOf(photo, undefined).state).toMatchObject({
      kind: "picture",
      blurred: false,
      canOpen: true,
    });
    // Scrolled away and back: consent stays for this screen, so it loads again without a tap.
    w.media.hidden("$s");
    w.media.visible("$s");
    expect(w.requests).toHaveLength(2);
  });

  it("never fetches a picture the decision makes not viewable, not even on a tap", () => {
    const w = world();
    const photo = item("$n", picture, notViewable);
    w.media.update([photo]);
    w.media.visible("$n");
    w.media.tap("$n");
    expect(w.requests).toEqual([]);
    expect(w.media.viewOf(photo, undefined).state).toEqual({ kind: "not-viewable" });
  });

  it("never fetches an item with a problem", () => {
    const w = world();
    const bad = item("$x", { ...picture, problem: "not-mxc" }, show);
    w.media.update([bad]);
    w.media.visible("$x");
    w.media.tap("$x");
    expect(w.requests).toEqual([]);
    expect(w.media.viewOf(bad, undefined).state).toEqual({
      kind: "placeholder",
      problem: "not-mxc",
    });
  });

  it("downloads a file only on a tap, even from a contact, and hands it to the browser to save", async () => {
    const w = world();
    const doc = item("$f", file, show);
    w.media.update([doc]);
    w.media.visible("$f");
    expect(w.requests).toEqual([]);
    expect(w.media.viewOf(doc, undefined).state).toEqual({ kind: "waiting", tap: true });
    w.media.tap("$f");
    expect(w.requests).toEqual([{ eventId: "$f", part: "file" }]);
    await settle();
    expect(w.saved).toEqual(["plan.svg"]);
    expect(w.media.viewOf(doc, undefined).state).toEqual({ kind: "saved" });
  });

  it("shows a refusal found after fetching as a placeholder, and a failed download as retryable", async () => {
    const w = world();
    const photo = item("$r", picture, show);
    w.answerWith(() => Promise.reject(Object.assign(new Error("no"), { reason: "damaged" })));
    w.media.update([photo]);
    w.media.visible("$r");
    await settle();
    expect(w.media.viewOf(photo, undefined).state).toEqual({
      kind: "placeholder",
      problem: "damaged",
    });
    const other = item("$u", picture, show);
    w.answerWith(() => Promise.reject(new Error("offline")));
    w.media.update([photo, other]);
    w.media.visible("$u");
    await settle();
    expect(w.media.viewOf(other, undefined).state).toEqual({ kind: "unavailable" });
  });

  it("lets go of a picture whose message left the screen's list, and of everything when disposed", async () => {
    const w = world();
    const a = item("$a", picture, show);
    const b = item("$b", picture, undefined);
    w.media.update([a, b]);
    w.media.visible("$a");
    w.media.visible("$b");
    await settle();
    w.media.update([b]);
    expect(w.revoked).toEqual(["picture:1"]);
    w.media.dispose();
    expect(w.revoked).toEqual(["picture:1", "picture:2"]);
  });

  it("frees a picture that finished loading after its row left the screen", async () => {
    const w = world();
    const a = item("$a", picture, show);
    w.media.update([a]);
    w.media.visible("$a");
    w.media.hidden("$a");
    await settle();
    expect(w.revoked).toEqual(["picture:1"]);
    expect(w.media.viewOf(a, undefined).state.kind).toBe("waiting");
  });
});

describe("the full-screen viewer", () => {
  it("fetches the full picture only when a shown picture is opened, and frees it on close", async () => {
    const w = world();
    const photo = item("$a", picture, show);
    w.media.update([photo]);
    w.media.visible("$a");
    await settle();
    expect(w.requests).toEqual([{ eventId: "$a", part: "preview" }]);
    expect(w.media.open("$a")).toBe(true);
    expect(w.media.viewer()).toEqual({ eventId: "$a", state: { kind: "loading" } });
    expect(w.requests.at(-1)).toEqual({ eventId: "$a", part: "file" });
    await settle();
    expect(w.media.viewer()?.state.kind).toBe("picture");
    expect(w.sizes.at(-1)).toBe(VIEWER_MAX_SIDE);
    w.media.closeViewer();
    expect(w.media.viewer()).toBeUndefined();
    expect(w.revoked).toEqual(["picture:2"]);
  });

  it("never opens a picture still blurred behind its warning, nor one that may not be seen", async () => {
    const w = world();
    const stranger = item("$s", picture, tapToDownload);
    const hidden = item("$n", picture, notViewable);
    w.media.update([stranger, hidden]);
    w.media.visible("$s");
    w.media.visible("$n");
    expect(w.media.open("$s")).toBe(false);
    w.media.tap("$s");
    await settle();
    expect(w.media.open("$s")).toBe(false);
    expect(w.media.open("$n")).toBe(false);
    expect(w.requests.filter((r) => r.part === "file")).toEqual([]);
    w.media.unblur("$s");
    expect(w.media.open("$s")).toBe(true);
    expect(w.requests.filter((r) => r.part === "file")).toEqual([{ eventId: "$s", part: "file" }]);
  });

  it("closes when the picture may no longer show, and never decodes a full picture that arrives after closing", async () => {
    const w = world();
    const photo = item("$a", picture, show);
    w.media.update([photo]);
    w.media.open("$a");
    w.media.closeViewer();
    await settle();
    // Closed before it arrived: not even decoded.
    expect(w.media.viewer()).toBeUndefined();
    expect(w.sizes).toEqual([]);
    w.media.open("$a");
    await settle();
    w.media.update([item("$a", picture, notViewable)]);
    expect(w.media.viewer()).toBeUndefined();
    expect(w.revoked).toEqual(["picture:1"]);
  });

  it("shows a full picture the checks refuse as a placeholder (a lying type), never drawn", async () => {
    const w = world();
    const photo = item("$a", picture, show);
    w.media.update([photo]);
    w.answerWith(() => Promise.reject(Object.assign(new Error("no"), { reason: "type-mismatch" })));
    w.media.open("$a");
    await settle();
    expect(w.media.viewer()?.state).toEqual({ kind: "placeholder", problem: "type-mismatch" });
  });
});
