// View-model layer: handing over a report with a photo (RMEDIA, issue 18
// acceptance 10). The photo travels inside the sealed package as bytes, with
// the SHA-256 of what the reporter chose to report; when it cannot be
// fetched, no package is made.
import { describe, expect, it } from "vitest";
import {
  createReportBundle,
  encryptAttachment,
  generateModerationKeyPair,
  keyToText,
  openHandoffFile,
  sha256Hex,
  verifyHandoffDigests,
  type ReportMediaItem,
} from "@safety-by-design/protocol";
import { fixedEnvironment, messageReport, NOOR } from "@safety-by-design/protocol/testing";
import type { InboxReport } from "../reporting/moderationInbox.ts";
import { ReportMediaError } from "../reporting/reportMedia.ts";
import { createModerationHandoff } from "./moderationHandoff.ts";

const PHOTO = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

async function reportWithPhoto(): Promise<InboxReport> {
  const { keys } = await encryptAttachment(new Uint8Array(PHOTO));
  const media: ReportMediaItem = {
    eventId: "$event5",
    kind: "image",
    mimetype: "image/png",
    size: PHOTO.byteLength,
    name: "foto.png",
    file: { url: "mxc://localhost/copy", ...keys },
  };
  const created = createReportBundle(
    messageReport({
      category: "child-sexual-abuse-material",
      reporter: { userId: NOOR, includeIdentity: false },
      media: [media],
    }),
    fixedEnvironment(),
  );
  if (!created.ok) throw new Error(created.problems.join("; "));
  return {
    reportId: created.bundle.reportId,
    channel: "intake",
    opened: {
      ok: true,
      bundle: created.bundle,
      signature: "absent",
      signerPublicKey: null,
      bundleSha256: "5d".repeat(32),
    },
    receivedAt: 1_700_000_200_000,
    filedBy: [],
    serverEventSender: null,
    checks: { filedByNamedReporter: null, targetMatches: null, senderMatches: null },
  };
}

describe("handing over a report with a photo", () => {
  it("puts the photo's bytes in the sealed package, with the digest of those bytes", async () => {
    const police = await generateModerationKeyPair();
    const fetched: string[] = [];
    const handoff = createModerationHandoff({
      keys: { politie: await keyToText(police.publicKey) },
      sender: { service: "Test", contact: "moderatie@example.org" },
      fetchMedia: (item) => {
        fetched.push(item.file.url);
        return Promise.resolve(new Uint8Array(PHOTO));
      },
    });
    const made = await handoff.create(await reportWithPhoto(), "politie", 1_700_000_300_000);
    if (!made.ok) throw new Error(made.problems.join("; "));
    expect(fetched).toEqual(["mxc://localhost/copy"]);
    const opened = await openHandoffFile(JSON.parse(made.file.text), police);
    if (!opened.ok) throw new Error(opened.problems.join("; "));
    const media = opened.package.evidence.find((item) => item.kind === "media");
    expect(media).toMatchObject({
      kind: "media",
      role: "reported",
      eventId: "$event5",
      mimetype: "image/png",
      size: PHOTO.byteLength,
      sha256: await sha256Hex(PHOTO),
    });
    expect(await verifyHandoffDigests(opened.package)).toEqual([]);
    expect(opened.package.summary.text).toContain("en 1 bestand(en)");
  });

  it("makes no package when the photo cannot be fetched", async () => {
    const police = await generateModerationKeyPair();
    const handoff = createModerationHandoff({
      keys: { politie: await keyToText(police.publicKey) },
      sender: { service: "Test", contact: "moderatie@example.org" },
      fetchMedia: () => Promise.reject(new ReportMediaError("gone")),
    });
    expect(await handoff.create(await reportWithPhoto(), "politie", 1)).toMatchObject({
      ok: false,
    });
  });
});
