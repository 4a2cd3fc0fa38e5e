// View-model layer: handing a report over. Only bodies with a configured key
// are offered; the package opens with that body's key alone and carries a
// Dutch summary built from the package itself.
import { describe, expect, it } from "vitest";
import {
  createReportBundle,
  generateModerationKeyPair,
  keyToText,
  openHandoffFile,
} from "@safety-by-design/protocol";
import { fixedEnvironment, messageReport, NOOR } from "@safety-by-design/protocol/testing";
import type { InboxReport } from "../reporting/moderationInbox.ts";
import { createModerationHandoff } from "./moderationHandoff.ts";

function report(includeIdentity: boolean): InboxReport {
  const created = createReportBundle(
    messageReport({
      category: "child-sexual-abuse-material",
      reporter: { userId: NOOR, includeIdentity },
    }),
    fixedEnvironment(),
  );
  if (!created.ok) throw new Error(created.problems.join("; "));
  return {
    reportId: created.bundle.reportId,
    channel: includeIdentity ? "report-api" : "intake",
    opened: {
      ok: true,
      bundle: created.bundle,
      signature: includeIdentity ? "valid" : "absent",
      signerPublicKey: null,
      bundleSha256: "5d".repeat(32),
    },
    receivedAt: 1_700_000_200_000,
    filedBy: includeIdentity ? [NOOR] : [],
    serverEventSender: null,
    checks: { filedByNamedReporter: null, targetMatches: null, senderMatches: null },
  };
}

describe("handing a report over", () => {
  it("offers only bodies with a key, and seals a package only that body opens", async () => {
    const police = await generateModerationKeyPair();
    const hotline = await generateModerationKeyPair();
    const handoff = createModerationHandoff({
      keys: { politie: await keyToText(police.publicKey), "not-a-body": "x" },
      sender: { service: "Test", contact: "moderatie@example.org" },
    });
    expect(handoff.bodies).toEqual(["politie"]);

    const made = await handoff.create(report(false), "politie", 1_700_000_300_000);
    if (!made.ok) throw new Error(made.problems.join("; "));
    expect(made.file.fileName).toMatch(/^handoff-politie-[0-9a-f]{8}\.json$/);
    const sealed: unknown = JSON.parse(made.file.text);
    expect((await openHandoffFile(sealed, hotline)).ok).toBe(false);
    const opened = await openHandoffFile(sealed, police);
    if (!opened.ok) throw new Error(opened.problems.join("; "));
    expect(opened.package).toEqual(made.file.package);
    expect(opened.package.recipient).toEqual({ bodyId: "politie", name: "Politie" });
    expect(opened.package.report.bundleSha256).toBe("5d".repeat(32));
    const summary = opened.package.summary.text;
    expect(summary).toContain("Melding van Test voor Politie.");
    expect(summary).toContain("Categorie: Materiaal van seksueel kindermisbruik.");
    expect(summary).toContain("Melder: naam weggelaten");
    expect(summary).toContain("Bewijs: 5 bericht(en) en 0 bestand(en)");
    expect(summary).not.toContain(NOOR);
  });

  it("names a reporter who gave their name, and says so when a body has no key", async () => {
    const police = await generateModerationKeyPair();
    const handoff = createModerationHandoff({
      keys: { politie: await keyToText(police.publicKey) },
      sender: { service: "Test", contact: "moderatie@example.org" },
    });
    const made = await handoff.create(report(true), "politie", 1_700_000_300_000);
    expect(made.ok && made.file.package.summary.text).toContain(`Melder: ${NOOR}.`);
    expect(await handoff.create(report(true), "helpwanted", 1)).toMatchObject({
      ok: false,
      reason: "no-key",
    });
  });
});
