// The report sheet for a request the reporter never saw (held aside on their
// device) and for the youngest: the request's messages go into the report
// and into no snapshot; a child's sheet pre-sets nothing.
import {
  createPolicyEngine,
  loadBundledPack,
  type AgeBand,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { TimelineMessage } from "../matrix/sessionTypes.ts";
import type { ReportStatus } from "../reporting/outbox.ts";
import type { FileResult, ReportFiler, ReportSubmission } from "../reporting/reportFiler.ts";
import { reportDecider } from "../policy/decideReport.ts";
import { ReportSheetViewModel, type ReportSheetActions } from "./ReportSheetViewModel.ts";

const SAM = "@sam:localhost";
const ALEX = "@alex:localhost";
const ROOM = "!request:localhost";
const CHILD: PersonFacts = { ageBand: "8-12", ageVerified: true };
const TEEN: PersonFacts = { ageBand: "13-15", ageVerified: true };
const ADULT: PersonFacts = { ageBand: "18+", ageVerified: true };

/** What Alex wrote into the request Sam's device held aside; Sam never saw it. */
function unseen(count: number): TimelineMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: `$unseen${i + 1}`,
    sender: ALEX,
    timestamp: 1_700_000_000_000 + i * 1000,
    kind: i === 1 ? "undecryptable" : "text",
    body: i === 1 ? "" : `geheim bericht ${i + 1}`,
    sendState: "sent",
  }));
}

/** A filer that keeps what it is given (the sealing itself is tested in reporting/ and integration). */
function recordingFiler() {
  const filed: ReportSubmission[] = [];
  const filer: ReportFiler = {
    canSend: true,
    async file(submission): Promise<FileResult> {
      filed.push(submission);
      const status: ReportStatus = {
        reportId: "r1",
        createdAt: 0,
        category: submission.category,
        target: { kind: "user", userId: ALEX },
        state: "queued",
        attempts: 0,
        partsDelivered: 0,
        partsTotal: 1,
        lastError: null,
        nextAttemptAt: 0,
        deliveredAt: null,
      };
      return Promise.resolve({ ok: true, status });
    },
    getSnapshot: () => ({ reports: [] }),
    subscribe: () => () => undefined,
    retry: () => Promise.resolve(),
  };
  return { filer, filed };
}

function setUp(self: PersonFacts, messages: readonly TimelineMessage[]) {
  const { filer, filed } = recordingFiler();
  const decide = reportDecider({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock: () => 1_700_000_100_000,
    ages: { self: () => self, about: () => ADULT },
    isContact: () => false,
    resemblance: () => ({ contact: false, helpService: false }),
  });
  const actions: ReportSheetActions = {
    block: vi.fn(() => Promise.resolve()),
    leave: vi.fn(() => Promise.resolve()),
    help: vi.fn(),
    close: vi.fn(),
  };
  const snapshots: string[] = [];
  const sheet = new ReportSheetViewModel(
    { kind: "request", roomId: ROOM, userId: ALEX, displayName: undefined, unseen: messages },
    {
      reporting: filer,
      decide,
      source: {
        userId: SAM,
        conversation: () => undefined,
        person: () => ({ label: "Iemand die je niet kent", shown: false }),
      },
      explanation: (category) => `Gemeld: ${category}.`,
      actions,
      alreadyBlocked: true,
      readerBand: (): AgeBand => (self.ageVerified ? self.ageBand : "unverified"),
    },
  );
  snapshots.push(JSON.stringify(sheet.getSnapshot()));
  sheet.subscribe(() => snapshots.push(JSON.stringify(sheet.getSnapshot())));
  return { sheet, filed, snapshots };
}

describe("reporting a request the reporter never saw", () => {
  it("says how many of its messages go, and no snapshot holds a word of them", async () => {
    const { sheet, filed, snapshots } = setUp(CHILD, unseen(3));
    expect(sheet.getSnapshot().unseenCount).toBe(3);
    sheet.setCategory("asking-for-images");
    await sheet.file();
    expect(sheet.getSnapshot().phase).toBe("filed");
    for (const snapshot of snapshots) expect(snapshot).not.toContain("geheim bericht");

    const subject = filed[0]?.subject;
    expect(subject).toEqual({
      kind: "profile",
      userId: ALEX,
      unseen: {
        roomId: ROOM,
        messages: [
          {
            eventId: "$unseen1",
            sender: ALEX,
            timestamp: 1_700_000_000_000,
            kind: "text",
            body: "geheim bericht 1",
          },
          {
            eventId: "$unseen2",
            sender: ALEX,
            timestamp: 1_700_000_001_000,
            kind: "undecryptable",
            body: "",
          },
          {
            eventId: "$unseen3",
            sender: ALEX,
            timestamp: 1_700_000_002_000,
            kind: "text",
            body: "geheim bericht 3",
          },
        ],
      },
    });
  });

  it("sends the newest ten (the pack's number), and a plain profile report when there is nothing", async () => {
    const many = setUp(TEEN, unseen(14));
    expect(many.sheet.getSnapshot().unseenCount).toBe(10);
    await many.sheet.file();
    const subject = many.filed[0]?.subject;
    if (subject?.kind !== "profile") throw new Error("not a profile report");
    expect(subject.unseen?.messages.map((m) => m.eventId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `$unseen${i + 5}`),
    );

    const none = setUp(TEEN, []);
    expect(none.sheet.getSnapshot().unseenCount).toBe(0);
    await none.sheet.file();
    expect(none.filed[0]?.subject).toEqual({ kind: "profile", userId: ALEX });
  });
});

describe("the youngest's sheet", () => {
  it("is simple, pre-sets nothing, and files a one-tap report as 'other'", async () => {
    const { sheet, filed } = setUp(CHILD, unseen(1));
    const view = sheet.getSnapshot();
    expect(view.sheet).toBe("simple");
    expect(view.categories).toEqual(["asking-for-images", "harassment", "other"]);
    expect(view.categoryChosen).toBe(false);
    // After reporting: the Kindertelefoon; no police advice for "other".
    expect(view.help).toEqual(["kindertelefoon"]);
    await sheet.file();
    expect(filed[0]?.category).toBe("other");
    expect(sheet.getSnapshot().advice).toEqual([]);
  });

  it("takes the child's own choice, and a teen's sheet stays the standard one", () => {
    const child = setUp(CHILD, []);
    child.sheet.setCategory("asking-for-images");
    expect(child.sheet.getSnapshot()).toMatchObject({
      categoryChosen: true,
      category: "asking-for-images",
    });
    const teen = setUp(TEEN, []);
    expect(teen.sheet.getSnapshot()).toMatchObject({ sheet: "standard", category: "grooming" });
  });
});
