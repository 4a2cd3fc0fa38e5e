// Protocol, handoff: building, sealing, opening and checking a package.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createReportBundle, REPORT_CATEGORIES, type ReportBundle } from "../report/bundle.ts";
import { generateModerationKeyPair } from "../report/seal.ts";
import { fixedEnvironment, messageReport, NOOR } from "../report/testKit.ts";
import {
  buildHandoffPackage,
  parseHandoffPackage,
  sha256Hex,
  type HandoffInput,
  type HandoffPackage,
} from "./package.ts";
import { openHandoffFile, sealHandoffPackage } from "./seal.ts";

function bundleOf(includeIdentity: boolean): ReportBundle {
  const created = createReportBundle(
    messageReport({ reporter: { userId: NOOR, includeIdentity } }),
    fixedEnvironment(),
  );
  if (!created.ok) throw new Error(created.problems.join("; "));
  return created.bundle;
}

function input(bundle: ReportBundle, overrides: Partial<HandoffInput> = {}): HandoffInput {
  return {
    bundle,
    bundleSha256: "ab".repeat(32),
    receivedAt: 1_700_000_200_000,
    handedOverAt: 1_700_000_300_000,
    recipient: { bodyId: "police", name: "Politie" },
    sender: { service: "Veilig Chatten (demo)", contact: "moderatie@example.org" },
    notifierContact: { name: "Noor", email: "noor@example.org" },
    goodFaithStatement: "Ik meld dit naar waarheid.",
    moderatorNote: "  Gezien en doorgezet.  ",
    summary: { language: "nl", text: "Melding over een volwassene die om foto's vraagt." },
    randomBytes: (length) => new Uint8Array(length).fill(7),
    ...overrides,
  };
}

async function build(
  overrides: Partial<HandoffInput> = {},
  identified = true,
): Promise<HandoffPackage> {
  const built = await buildHandoffPackage(input(bundleOf(identified), overrides));
  if (!built.ok) throw new Error(built.problems.join("; "));
  return built.package;
}

describe("a handoff package", () => {
  it("carries the DSA notice, the category, the times and a digest of every message", async () => {
    const pkg = await build();
    expect(pkg.format).toBe("org.safety-by-design.handoff");
    expect(pkg.packageId).toBe("07".repeat(16));
    expect(pkg.category).toBe("asking-for-images");
    expect(pkg.report).toMatchObject({
      receivedAt: 1_700_000_200_000,
      bundleSha256: "ab".repeat(32),
    });
    expect(pkg.notice.notifier).toEqual({
      kind: "identified",
      userId: NOOR,
      name: "Noor",
      email: "noor@example.org",
    });
    expect(pkg.moderatorNote).toBe("Gezien en doorgezet.");
    expect(pkg.evidence).toHaveLength(5);
    const [reported] = pkg.evidence;
    expect(reported).toMatchObject({ kind: "message", role: "reported", eventId: "$event5" });
    expect(reported?.kind === "message" && reported.sha256).toBe(
      await sha256Hex(new TextEncoder().encode("message 5")),
    );
  });

  it("never names a reporter who withheld their identity, whatever contact is passed", async () => {
    const pkg = await build({}, false);
    expect(pkg.notice.notifier).toEqual({ kind: "withheld", basis: "dsa-art-16-2-c" });
    expect(JSON.stringify(pkg)).not.toContain(NOOR);
    expect(JSON.stringify(pkg)).not.toContain("noor@example.org");
  });

  const reportedPhoto = (bytes: Uint8Array) =>
    ({
      role: "reported",
      eventId: "$event5",
      sender: "@alex:localhost",
      timestamp: 1,
      mimetype: "image/jpeg",
      bytes,
    }) as const;

  it("has a place for media: its bytes travel sealed, with their digest", async () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const pkg = await build({
      media: [reportedPhoto(bytes)],
    });
    const media = pkg.evidence.at(-1);
    expect(media).toMatchObject({ kind: "media", mimetype: "image/jpeg", size: 7 });
    expect(media?.kind === "media" && media.sha256).toBe(await sha256Hex(bytes));
  });

  it("refuses media that belongs to none of the packaged messages, as the bundle does", async () => {
    const bytes = Uint8Array.from([1, 2, 3]);
    const pkg = await build({
      media: [reportedPhoto(bytes)],
    });
    const stray = {
      ...pkg,
      evidence: pkg.evidence.map((item) =>
        item.kind === "media" ? { ...item, eventId: "$elsewhere" } : item,
      ),
    };
    const parsed = parseHandoffPackage(stray);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toContain(
      `evidence[${String(pkg.evidence.length - 1)}].eventId: must be one of the messages the package carries`,
    );
    expect(parseHandoffPackage(pkg).ok).toBe(true);
  });

  it("opens only with the body's key, and every field comes back", async () => {
    const body = await generateModerationKeyPair();
    const other = await generateModerationKeyPair();
    const pkg = await build();
    const sealed = await sealHandoffPackage(pkg, body.publicKey);
    if (!sealed.ok) throw new Error(sealed.problems.join("; "));
    expect(JSON.stringify(sealed.file)).not.toContain("message 5");
    expect(await openHandoffFile(sealed.file, body)).toEqual({ ok: true, package: pkg });
    const wrong = await openHandoffFile(sealed.file, other);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problems[0]).toMatch(/sealed to another body's key/);
    const altered = { ...sealed.file, sealed: `${sealed.file.sealed.slice(0, -2)}AA` };
    expect((await openHandoffFile(altered, body)).ok).toBe(false);
  });

  it("refuses a package whose digest does not match its content", async () => {
    const body = await generateModerationKeyPair();
    const pkg = await build();
    const [first, ...rest] = pkg.evidence;
    const tampered = {
      ...pkg,
      evidence: [{ ...first, body: "something else" }, ...rest],
    } as HandoffPackage;
    const sealed = await sealHandoffPackage(tampered, body.publicKey);
    expect(sealed).toEqual({ ok: false, problems: ["evidence[0].sha256: does not match"] });
  });

  it("refuses unknown fields, a wrong version and a location that is not the evidence", async () => {
    const pkg = await build();
    expect(parseHandoffPackage({ ...pkg, extra: 1 })).toMatchObject({
      ok: false,
      problems: ['package: unexpected field "extra"'],
    });
    expect(parseHandoffPackage({ ...pkg, version: 2 })).toMatchObject({
      ok: false,
      problems: ["version: must be 1"],
    });
    const moved = {
      ...pkg,
      notice: {
        ...pkg.notice,
        location: { kind: "room-events", roomId: "!x:y", eventIds: ["$other"] },
      },
    };
    expect(parseHandoffPackage(moved)).toMatchObject({
      ok: false,
      problems: ["notice.location: must name the evidence's event IDs, reported first"],
    });
    expect(parseHandoffPackage(null)).toEqual({
      ok: false,
      problems: ["package: must be an object"],
    });
  });

  it("matches its JSON Schema's fields, required keys and categories (docs/schemas)", async () => {
    const schema = JSON.parse(
      readFileSync(
        new URL("../../../docs/schemas/handoff-package.schema.json", import.meta.url),
        "utf8",
      ),
    ) as {
      required: string[];
      properties: Record<string, { enum?: string[]; required?: string[] }>;
    };
    const pkg = await build();
    expect([...schema.required].sort()).toEqual(Object.keys(pkg).sort());
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(pkg).sort());
    expect(schema.properties["category"]?.enum).toEqual([...REPORT_CATEGORIES]);
    expect([...(schema.properties["report"]?.required ?? [])].sort()).toEqual(
      Object.keys(pkg.report).sort(),
    );
  });
});
