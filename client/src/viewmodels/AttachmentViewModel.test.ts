// Sending an image or file: preview with a caption, the size limit, the
// engine's think-first notice (the person may still send), and the outbox's
// rows (progress, cancel, retry, unsend with its caveat).

import { describe, expect, it, vi } from "vitest";
import { MediaOutbox, type MediaTransport } from "../media/mediaOutbox.ts";
import type { PreparedAttachment } from "../media/prepareAttachment.ts";
import {
  AttachmentViewModel,
  type OutgoingMediaDecisionView,
  type PickedAttachment,
} from "./AttachmentViewModel.ts";

const PACK = { id: "nl-default", version: "1", purpose: "production" as const };

const SEND: OutgoingMediaDecisionView = {
  effect: "send",
  notices: [],
  help: [],
  unsend: false,
  unsendCaveat: null,
  reasons: ["media/outgoing-table"],
  pack: PACK,
};

const THINK_FIRST: OutgoingMediaDecisionView = {
  effect: "think-first",
  notices: [
    { id: "media-think-first", severity: "caution", copyKey: "notice.mediaThinkFirst.teen13" },
  ],
  help: ["helpwanted"],
  unsend: true,
  unsendCaveat: {
    id: "media-unsend-caveat",
    severity: "info",
    copyKey: "notice.mediaUnsendCaveat.teen13",
  },
  reasons: ["media/recently-accepted", "media/unsend-with-caveat"],
  pack: PACK,
};

const photo = (size = 1_000): PickedAttachment =>
  Object.assign(new Blob([new Uint8Array(size)], { type: "image/jpeg" }), { name: "zee.jpg" });

const prepared = (): PreparedAttachment => ({
  kind: "file",
  filename: "zee.jpg",
  main: {
    ciphertext: new Uint8Array(10),
    keys: {
      key: { kty: "oct", key_ops: ["encrypt", "decrypt"], alg: "A256CTR", k: "k", ext: true },
      iv: "iv",
      hashes: { sha256: "h" },
      v: "v2",
    },
    mimetype: "image/jpeg",
    size: 10,
  },
});

function setUp(decision: OutgoingMediaDecisionView, options: { failUpload?: boolean } = {}) {
  let fail = options.failUpload ?? false;
  const transport: MediaTransport = {
    uploadMedia: vi.fn(() =>
      fail ? Promise.reject(new Error("offline")) : Promise.resolve("mxc://hs/a"),
    ),
    sendMedia: vi.fn(() => Promise.resolve("$photo")),
    redact: vi.fn(() => Promise.resolve()),
  };
  let n = 0;
  const outbox = new MediaOutbox(
    transport,
    () => Promise.resolve(prepared()),
    () => `u${String(++n)}`,
  );
  const revoked: string[] = [];
  const decide = vi.fn(() => decision);
  const vm = new AttachmentViewModel({
    roomId: "!r",
    outbox,
    decide,
    readerBand: () => "13-15",
    maxBytes: 5 * 1024 * 1024,
    previewUrls: {
      create: () => "blob:preview",
      revoke: (url) => revoked.push(url),
    },
  });
  return {
    vm,
    transport,
    decide,
    revoked,
    recover: () => {
      fail = false;
    },
  };
}

const settled = (check: () => void) => vi.waitFor(check);

describe("AttachmentViewModel", () => {
  it("previews a picked photo with an optional caption, then sends it when the engine says send", async () => {
    const { vm, transport, decide, revoked } = setUp(SEND);
    vm.pick(photo());
    expect(vm.getSnapshot().stage).toEqual({
      kind: "preview",
      name: "zee.jpg",
      attachmentKind: "image",
      size: 1_000,
      previewUrl: "blob:preview",
      caption: "",
    });
    vm.setCaption("Het strand");
    vm.send();
    expect(decide).toHaveBeenCalledWith("!r", "image");
    expect(vm.getSnapshot().stage).toEqual({ kind: "none" });
    expect(revoked).toEqual(["blob:preview"]);
    await settled(() => {
      expect(transport.sendMedia).toHaveBeenCalled();
    });
    expect(vm.getSnapshot().uploads).toEqual([]);
  });

  it("refuses a file over the limit with the limit in megabytes, and sends nothing", () => {
    const { vm, decide } = setUp(SEND);
    vm.pick(photo(6 * 1024 * 1024));
    expect(vm.getSnapshot().stage).toEqual({
      kind: "refused",
      name: "zee.jpg",
      problem: "too-large",
      maxMegabytes: 5,
    });
    vm.send();
    expect(decide).not.toHaveBeenCalled();
    vm.discard();
    expect(vm.getSnapshot().stage).toEqual({ kind: "none" });
  });

  it("shows the engine's think-first notice with help and why; the person may still send", async () => {
    const { vm, transport } = setUp(THINK_FIRST);
    vm.pick(photo());
    vm.send();
    const stage = vm.getSnapshot().stage;
    expect(stage).toMatchObject({
      kind: "think-first",
      notices: THINK_FIRST.notices,
      help: ["helpwanted"],
      why: { audience: "teen", ruleIds: ["media/recently-accepted", "media/unsend-with-caveat"] },
    });
    expect(transport.uploadMedia).not.toHaveBeenCalled();
    vm.sendAnyway();
    await settled(() => {
      expect(vm.getSnapshot().uploads[0]?.state).toBe("sent");
    });
    expect(vm.getSnapshot().uploads[0]?.unsendCaveat).toEqual(THINK_FIRST.unsendCaveat);
    await vm.unsend("u1");
    expect(transport.redact).toHaveBeenCalledWith("!r", "$photo");
    expect(vm.getSnapshot().uploads[0]?.state).toBe("unsent");
    vm.dismiss("u1");
    expect(vm.getSnapshot().uploads).toEqual([]);
  });

  it("after the think-first notice, choosing not to send sends nothing", () => {
    const { vm, transport } = setUp(THINK_FIRST);
    vm.pick(photo());
    vm.send();
    vm.discard();
    expect(vm.getSnapshot()).toEqual({ stage: { kind: "none" }, uploads: [] });
    expect(transport.uploadMedia).not.toHaveBeenCalled();
  });

  it("keeps a failed upload with retry, which sends it", async () => {
    const { vm, transport, recover } = setUp(SEND, { failUpload: true });
    vm.pick(photo());
    vm.send();
    await settled(() => {
      expect(vm.getSnapshot().uploads[0]).toMatchObject({
        state: "failed",
        failedStep: "uploading",
        canCancel: true,
      });
    });
    recover();
    await vm.retryUpload("u1");
    expect(transport.sendMedia).toHaveBeenCalledTimes(1);
    expect(vm.getSnapshot().uploads).toEqual([]);
  });

  it("cancels an upload: nothing is sent", async () => {
    const { vm, transport } = setUp(SEND, { failUpload: true });
    vm.pick(photo());
    vm.send();
    await settled(() => {
      expect(vm.getSnapshot().uploads[0]?.state).toBe("failed");
    });
    vm.cancelUpload("u1");
    expect(vm.getSnapshot().uploads).toEqual([]);
    expect(transport.sendMedia).not.toHaveBeenCalled();
  });
});
