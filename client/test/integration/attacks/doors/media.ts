// Attack suite, the media door (issue 13, acceptance 7): images and files a
// stranger sends with their own device or raw HTTP, built to get something
// fetched, rendered or run on a minor's device: an `http` URL, media in the
// clear in an encrypted room, a preview that is not the picture, huge
// declared dimensions, a lying MIME type, SVG with a script, a decompression
// bomb (a small PNG whose header declares a huge canvas).
//
// The oracle has three parts. What the minor's screen shows: the row's
// `media.state` in the conversation snapshot (a placeholder, or nothing yet).
// What was fetched: every request this test process makes is recorded
// (matrix-js-sdk and the client's media download both call
// `globalThis.fetch`), and a local HTTP server counts hits on the `http`
// URLs; no mxc of an attack may be requested before the minor's tap, and
// the `http` server never. What was decoded: after the tap, pictures go
// through the client's own checks (`pictureForDisplay`) with a stand-in
// decoder that records calls, so a bomb or a lie must be refused before
// anything decodes it. Nothing renders here: the e2e test renders.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encryptAttachment, type EncryptedFile } from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";
import {
  ConversationViewModel,
  MEDIA_LIMITS,
  pictureForDisplay,
  type MediaDisplay,
  type MediaState,
  type MessageRow,
  type PictureCodec,
} from "@safety-by-design/client/headless";
import {
  rawCreateRoom,
  rawSendEvent,
  type RawSession,
} from "../../../../../tools/lib/rawMatrix.ts";
import {
  arrived,
  messagesArrived,
  newCanary,
  olmStranger,
  settle,
  syncedPast,
  victimTaps,
  type AttackContext,
  type Band,
  type VictimDevice,
  type World,
} from "../harness.ts";
import type { OlmAttacker } from "../actors.ts";

const MEGOLM = {
  type: "m.room.encryption",
  state_key: "",
  content: { algorithm: "m.megolm.v1.aes-sha2" },
};

/** A real 1×1 PNG (the control's picture). */
const PNG_1X1 = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** The same PNG with a header declaring a 100 000 × 100 000 canvas: 40 GB once decoded. */
function decompressionBomb(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(PNG_1X1);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, 100_000);
  view.setUint32(20, 100_000);
  return bytes;
}

const SVG_WITH_SCRIPT = (canary: string): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://127.0.0.1:9/${canary}")</script></svg>`,
  );

// ---------------------------------------------------------------------------
// What this process fetched
// ---------------------------------------------------------------------------

const fetched: string[] = [];
let recording = false;

/** Records every URL this process fetches from now on (once; the suite's contexts share it). */
function recordFetches(): void {
  if (recording) return;
  recording = true;
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    fetched.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return original(input, init);
  };
}

/** Requests so far for this media ID (the part of an mxc URI after the server name). */
const requestsFor = (mxc: string): number => {
  const mediaId = mxc.slice(mxc.lastIndexOf("/") + 1);
  return fetched.filter((url) => url.includes(`/${mediaId}`)).length;
};

/** A server on loopback that counts requests: where the `http` URLs point. */
async function countingServer(): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits++;
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}`, hits: () => hits, server };
}

// ---------------------------------------------------------------------------
// The attacker's uploads and events
// ---------------------------------------------------------------------------

/** Uploads bytes to the content repository as the attacker; resolves with the mxc URI. */
async function upload(raw: RawSession, bytes: Uint8Array, type: string): Promise<string> {
  const response = await fetch(`${raw.homeserver.url}/_matrix/media/v3/upload`, {
    method: "POST",
    headers: { authorization: `Bearer ${raw.accessToken}`, "content-type": type },
    body: new Uint8Array(bytes),
  });
  if (!response.ok) throw new Error(`upload: ${String(response.status)} ${await response.text()}`);
  return ((await response.json()) as { content_uri: string }).content_uri;
}

/** Encrypts and uploads bytes as the spec has it; the attacker writes the EncryptedFile. */
async function uploadEncrypted(
  raw: RawSession,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<EncryptedFile> {
  const { ciphertext, keys } = await encryptAttachment(bytes);
  return { url: await upload(raw, ciphertext, "application/octet-stream"), ...keys };
}

// ---------------------------------------------------------------------------
// The victim's screen, and the taps
// ---------------------------------------------------------------------------

/** A decoder stand-in: records calls and "decodes" the 1×1 control. */
function recordingDisplay(decoded: string[]): MediaDisplay {
  const codec: PictureCodec = {
    decode: (blob) => {
      decoded.push(blob.type);
      return Promise.resolve({ width: 1, height: 1, close: () => undefined } as ImageBitmap);
    },
    scale: (_bitmap, width, height) =>
      Promise.resolve({ width, height, close: () => undefined } as ImageBitmap),
  };
  return {
    picture: (bytes, type, maxSide) => pictureForDisplay(bytes, type, MEDIA_LIMITS, codec, maxSide),
    release: () => undefined,
    save: () => undefined,
  };
}

/** The session without read receipts (looking is not reading). */
function lookingOnly(session: ChatSession): ChatSession {
  return new Proxy(session, {
    get(target, property) {
      if (property === "markRead") return () => Promise.resolve();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** The minor's conversation screen, with every row on screen (the worst case for fetching). */
function openConversation(
  victim: VictimDevice,
  roomId: string,
  decoded: string[],
): ConversationViewModel {
  const noop = (): void => undefined;
  return new ConversationViewModel(
    lookingOnly(victim.session),
    victim.protection.rooms,
    roomId,
    noop,
    undefined,
    noop,
    undefined,
    noop,
    recordingDisplay(decoded),
  );
}

function rowOf(screen: ConversationViewModel, eventId: string): MessageRow | undefined {
  return screen
    .getSnapshot()
    .rows.find((row): row is MessageRow => row.type === "message" && row.id === eventId);
}

const describeState = (state: MediaState | undefined): string =>
  state === undefined
    ? "no media shown"
    : state.kind === "placeholder"
      ? `placeholder ${state.problem}`
      : state.kind === "picture"
        ? `picture${state.blurred ? " (blurred)" : ""}`
        : state.kind === "waiting"
          ? `waiting${state.tap ? " for a tap" : ""}`
          : state.kind;

/** Waits (bounded) until a tapped item is no longer loading. */
async function loaded(
  screen: ConversationViewModel,
  eventId: string,
): Promise<MediaState | undefined> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = rowOf(screen, eventId)?.media?.state;
    if (state?.kind !== "loading" || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---------------------------------------------------------------------------
// Contexts
// ---------------------------------------------------------------------------

export function mediaContexts(): readonly AttackContext[] {
  return [acceptedStrangerMedia(), childStrangerPhoto()];
}

type Attack = {
  readonly what: string;
  readonly expected: string;
  /** Sends the attack; returns its event, the mxc URIs it names, and what a pass looks like. */
  readonly send: (
    stranger: OlmAttacker,
    roomId: string,
    http: string,
  ) => Promise<{ eventId: string; mxcs: readonly string[] }>;
  /** Before the tap: the state the minor sees. */
  readonly before: (state: MediaState | undefined, row: MessageRow | undefined) => boolean;
  /** After the tap: what it may have become (and whether its bytes may be fetched). */
  readonly after: (state: MediaState | undefined) => boolean;
  readonly fetchAfterTap: boolean;
};

const placeholder =
  (problem: string) =>
  (state: MediaState | undefined): boolean =>
    state?.kind === "placeholder" && state.problem === problem;

const photoInfo = (over: Record<string, unknown> = {}) => ({
  mimetype: "image/png",
  size: PNG_1X1.length,
  w: 1,
  h: 1,
  ...over,
});

/** The attacks of acceptance 7 (and a genuine photo as the control), against a 13-15. */
const ATTACKS: readonly Attack[] = [
  {
    what: "control-genuine-photo",
    expected: "nothing-fetched-before-tap, then blurred",
    send: async (stranger, roomId) => {
      const file = await uploadEncrypted(stranger.raw, PNG_1X1);
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        info: photoInfo(),
      });
      return { eventId, mxcs: [file.url] };
    },
    before: (state) => state?.kind === "waiting" && state.tap,
    after: (state) => state?.kind === "picture" && state.blurred,
    fetchAfterTap: true,
  },
  {
    what: "encrypted-image-http-url",
    expected: "placeholder not-mxc, never fetched",
    send: async (stranger, roomId, http) => ({
      eventId: await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.jpg",
        url: `${http}/${newCanary()}.jpg`,
        info: { mimetype: "image/jpeg", w: 640, h: 480 },
      }),
      mxcs: [],
    }),
    before: placeholder("not-mxc"),
    after: placeholder("not-mxc"),
    fetchAfterTap: false,
  },
  {
    what: "thumbnail-http-url",
    expected: "placeholder not-mxc, never fetched",
    send: async (stranger, roomId, http) => {
      const file = await uploadEncrypted(stranger.raw, PNG_1X1);
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        info: photoInfo({
          thumbnail_file: { ...file, url: `${http}/${newCanary()}.png` },
          thumbnail_info: { mimetype: "image/png", w: 1, h: 1 },
        }),
      });
      return { eventId, mxcs: [file.url] };
    },
    before: placeholder("not-mxc"),
    after: placeholder("not-mxc"),
    fetchAfterTap: false,
  },
  {
    what: "unencrypted-media-in-encrypted-room",
    expected: "placeholder not-encrypted, never fetched",
    send: async (stranger, roomId) => {
      const url = await upload(stranger.raw, PNG_1X1, "image/png");
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        url,
        info: photoInfo(),
      });
      return { eventId, mxcs: [url] };
    },
    before: placeholder("not-encrypted"),
    after: placeholder("not-encrypted"),
    fetchAfterTap: false,
  },
  {
    what: "plaintext-image-event",
    expected: "not-a-normal-message, never fetched",
    send: async (stranger, roomId) => {
      const url = await upload(stranger.raw, PNG_1X1, "image/png");
      const eventId = await rawSendEvent(stranger.raw, roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        url,
        info: photoInfo(),
      });
      return { eventId, mxcs: [url] };
    },
    before: (state, row) => state === undefined && row?.kind === "not-encrypted",
    after: (state) => state === undefined,
    fetchAfterTap: false,
  },
  {
    what: "thumbnail-differs-from-file",
    expected: "placeholder thumbnail-mismatch, never fetched",
    send: async (stranger, roomId) => {
      const file = await uploadEncrypted(stranger.raw, PNG_1X1);
      const thumb = await uploadEncrypted(stranger.raw, SVG_WITH_SCRIPT(newCanary()));
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        info: photoInfo({
          thumbnail_file: thumb,
          thumbnail_info: { mimetype: "text/html", w: 1, h: 1 },
        }),
      });
      return { eventId, mxcs: [file.url, thumb.url] };
    },
    before: placeholder("thumbnail-mismatch"),
    after: placeholder("thumbnail-mismatch"),
    fetchAfterTap: false,
  },
  {
    what: "huge-declared-dimensions",
    expected: "placeholder too-large, never fetched",
    send: async (stranger, roomId) => {
      const file = await uploadEncrypted(stranger.raw, PNG_1X1);
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        info: photoInfo({ w: 100_000, h: 100_000 }),
      });
      return { eventId, mxcs: [file.url] };
    },
    before: placeholder("too-large"),
    after: placeholder("too-large"),
    fetchAfterTap: false,
  },
  {
    what: "lying-mime-svg-as-png",
    expected: "nothing-fetched-before-tap, then placeholder type-mismatch, never decoded",
    send: async (stranger, roomId) => {
      const file = await uploadEncrypted(stranger.raw, SVG_WITH_SCRIPT(newCanary()));
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        info: photoInfo(),
      });
      return { eventId, mxcs: [file.url] };
    },
    before: (state) => state?.kind === "waiting" && state.tap,
    after: placeholder("type-mismatch"),
    fetchAfterTap: true,
  },
  {
    what: "svg-with-script-as-image",
    expected: "a file (never a picture), nothing fetched before the tap",
    send: async (stranger, roomId) => {
      const file = await uploadEncrypted(stranger.raw, SVG_WITH_SCRIPT(newCanary()));
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "tekening.svg",
        file,
        info: { mimetype: "image/svg+xml", w: 100, h: 100 },
      });
      return { eventId, mxcs: [file.url] };
    },
    before: (state) => state?.kind === "waiting" && state.tap,
    // A file is only saved (to the browser's downloads), never decoded or opened.
    after: (state) => state?.kind === "saved",
    fetchAfterTap: true,
  },
  {
    what: "decompression-bomb",
    expected: "nothing-fetched-before-tap, then placeholder too-large, never decoded",
    send: async (stranger, roomId) => {
      const file = await uploadEncrypted(stranger.raw, decompressionBomb());
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        // It declares a small picture; only its header tells the truth.
        info: photoInfo({ w: 64, h: 64 }),
      });
      return { eventId, mxcs: [file.url] };
    },
    before: (state) => state?.kind === "waiting" && state.tap,
    after: placeholder("too-large"),
    fetchAfterTap: true,
  },
];

/**
 * A 13-15 accepts a stranger's request (so their words may show; their
 * media waits for her tap), then the stranger sends each attack. Every
 * variant is judged before and after the minor taps it.
 */
function acceptedStrangerMedia(): AttackContext {
  const band: Band = "13-15";
  const id = (what: string): string => `media.${what}.${band}`;
  return {
    id: `media-accepted-stranger-${band}`,
    variants: ATTACKS.map((attack) => ({
      id: id(attack.what),
      door: "media",
      expected: attack.expected,
    })),
    run: async ({ world, record, label }) => {
      recordFetches();
      const http = await countingServer();
      world.onStop(() => {
        http.server.close();
      });
      const victim = world.victims[band];
      const stranger = await olmStranger(world);
      const roomId = await strangerDm(world, victim, stranger, "hoi, ik stuur je wat foto's");
      label(roomId, "stranger's chat with media");
      const tap = await victimTaps(victim, roomId);
      if (tap !== "accepted-after-safety-screen") {
        throw new Error(`a 13-15 could not accept a stranger's request: ${tap}`);
      }
      const sent: { attack: Attack; eventId: string; mxcs: readonly string[] }[] = [];
      for (const attack of ATTACKS) {
        sent.push({ attack, ...(await attack.send(stranger, roomId, http.url)) });
      }
      await messagesArrived(
        victim,
        roomId,
        sent.map((s) => s.eventId),
      );
      await syncedPast(world, victim);
      await settle();

      // The minor opens the chat; every row is on screen.
      const decoded: string[] = [];
      const screen = openConversation(victim, roomId, decoded);
      try {
        for (const { eventId } of sent) screen.mediaVisible(eventId);
        await settle();
        const before = new Map(
          sent.map(({ eventId, mxcs }) => [
            eventId,
            {
              row: rowOf(screen, eventId),
              requests: mxcs.reduce((sum, mxc) => sum + requestsFor(mxc), 0),
            },
          ]),
        );
        // Then taps every one.
        for (const { eventId } of sent) screen.tapMedia(eventId);
        for (const { eventId } of sent) await loaded(screen, eventId);
        await settle();
        for (const { attack, eventId, mxcs } of sent) {
          const was = before.get(eventId);
          const state = rowOf(screen, eventId)?.media?.state;
          const requestsAfter = mxcs.reduce((sum, mxc) => sum + requestsFor(mxc), 0);
          const okBefore = attack.before(was?.row?.media?.state, was?.row) && was?.requests === 0;
          const okAfter =
            attack.after(state) &&
            (attack.fetchAfterTap ? requestsAfter > 0 : requestsAfter === 0) &&
            http.hits() === 0;
          record(id(attack.what), {
            pass: okBefore && okAfter,
            observed:
              `before the tap: ${describeState(was?.row?.media?.state)}` +
              `${was?.row?.kind === "not-encrypted" ? " (row marked not encrypted)" : ""}, ` +
              `${String(was?.requests ?? "?")} request(s); after: ${describeState(state)}, ` +
              `${String(requestsAfter)} request(s); http server hits ${String(http.hits())}; ` +
              `decoded ${decoded.length === 0 ? "nothing" : decoded.join(", ")}`,
          });
        }
        // Only the genuine control may reach the decoder.
        if (decoded.length > 1) {
          record(id("decompression-bomb"), {
            pass: false,
            observed: `the decoder ran ${String(decoded.length)} times (only the control may)`,
          });
        }
      } finally {
        screen.dispose();
      }
    },
  };
}

/** An 8-12: a stranger's photo in a request. Nothing of it shows and nothing is fetched. */
function childStrangerPhoto(): AttackContext {
  const band: Band = "8-12";
  const variant = `media.stranger-photo-not-viewable.${band}`;
  return {
    id: `media-child-${band}`,
    variants: [{ id: variant, door: "media", expected: "not shown, nothing fetched, no tap" }],
    run: async ({ world, record, label }) => {
      recordFetches();
      const victim = world.victims[band];
      const stranger = await olmStranger(world);
      const roomId = await strangerDm(world, victim, stranger, "hoi");
      label(roomId, "stranger's photo to a child");
      const file = await uploadEncrypted(stranger.raw, PNG_1X1);
      const eventId = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.png",
        file,
        info: photoInfo(),
      });
      const tap = await victimTaps(victim, roomId);
      await syncedPast(world, victim);
      await settle();
      const decoded: string[] = [];
      const screen = openConversation(victim, roomId, decoded);
      try {
        screen.mediaVisible(eventId);
        screen.tapMedia(eventId);
        await settle();
        const row = rowOf(screen, eventId);
        const requests = requestsFor(file.url);
        const state = row?.media?.state;
        record(variant, {
          pass:
            requests === 0 &&
            decoded.length === 0 &&
            (state === undefined || state.kind === "not-viewable"),
          observed: `way in: ${tap}; row: ${row === undefined ? "none" : row.kind}, media: ${describeState(state)}; ${String(requests)} request(s)`,
        });
      } finally {
        screen.dispose();
      }
    },
  };
}

/** The stranger's device makes an encrypted direct chat, invites, and writes once the invite is seen. */
async function strangerDm(
  world: World,
  victim: VictimDevice,
  stranger: OlmAttacker,
  text: string,
): Promise<string> {
  const roomId = await rawCreateRoom(stranger.raw, {
    preset: "private_chat",
    is_direct: true,
    invite: [victim.userId],
    initial_state: [MEGOLM],
  });
  await stranger.inRoom(roomId);
  await stranger.sees(roomId, victim.userId, "invite");
  await stranger.send(roomId, "m.room.message", { msgtype: "m.text", body: text });
  await arrived(victim, roomId);
  await syncedPast(world, victim);
  return roomId;
}
