// Services layer, reporting: the admin API client, opening listed reports, the service.
import { describe, expect, it, vi } from "vitest";
import {
  createReportBundle,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  keyToText,
  prepareReport,
  splitIntoParts,
  type ModerationKeyPair,
} from "@safety-by-design/protocol";
import {
  createModerationAdminApi,
  createModerationService,
  openReportListing,
  teamHistory,
  type ModerationAdminApi,
  type ModerationRoomApi,
  type ServerReportRecord,
} from "./moderationInbox.ts";
import { createModeratorDeviceStore, type KeyValueStorage } from "./moderatorKeyStore.ts";
import { ALEX, fixedEnvironment, messageReport, NOOR, ROOM } from "./testKit.ts";

const HOMESERVER = "http://127.0.0.1:8118";
const MODERATOR = "@moderation:localhost";

type Seen = { url: string; init: RequestInit | undefined };

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

/** Answers by path (without the query); records every request. */
function fakeServer(route: (path: string, query: URLSearchParams) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    seen.push({ url, init });
    const parsed = new URL(url);
    return route(parsed.pathname, parsed.searchParams);
  };
  return { fetch, seen };
}

function api(fetch: (url: string, init?: RequestInit) => Promise<Response>, pageSize = 100) {
  return createModerationAdminApi({
    homeserverUrl: `${HOMESERVER}/`,
    accessToken: "tok",
    fetch,
    pageSize,
  });
}

function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function eventRow(id: number, reason: unknown, overrides: Record<string, unknown> = {}) {
  return {
    id,
    received_ts: 1_700_000_200_000 + id,
    room_id: ROOM,
    event_id: "$event5",
    user_id: NOOR,
    sender: ALEX,
    score: null,
    reason,
    name: null,
    canonical_alias: null,
    ...overrides,
  };
}

describe("the admin API client", () => {
  it("asks whether this account is a server admin; a 403 means no", async () => {
    const { fetch, seen } = fakeServer((path) =>
      path.endsWith(encodeURIComponent(MODERATOR) + "/admin")
        ? json(200, { admin: true })
        : json(403, { errcode: "M_FORBIDDEN", error: "You are not a server admin" }),
    );
    expect(await api(fetch).isServerAdmin(MODERATOR)).toEqual({ ok: true, value: true });
    expect(await api(fetch).isServerAdmin(NOOR)).toEqual({ ok: true, value: false });
    expect(seen[0]?.url).toBe(
      `${HOMESERVER}/_synapse/admin/v1/users/%40moderation%3Alocalhost/admin`,
    );
    expect(seen[0]?.init?.headers).toEqual({ authorization: "Bearer tok" });
  });

  it("classifies failures", async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => json(401, { errcode: "M_UNKNOWN_TOKEN" }),
      () => json(502, {}),
      () => json(400, { errcode: "M_INVALID_PARAM", error: "bad limit" }),
      () => Promise.reject(new TypeError("fetch failed")),
      () => new Response("<html>", { status: 200 }),
      () => json(200, { nothing: [] }),
    ];
    const problems = [];
    for (const answer of answers) {
      const result = await api(fakeServer(answer).fetch).listReports();
      problems.push(result.ok ? "ok" : result.problem);
    }
    expect(problems).toEqual([
      { kind: "signed-out" },
      { kind: "server-error", status: 502 },
      { kind: "unexpected", status: 400, message: "bad limit" },
      { kind: "unreachable", message: "fetch failed" },
      { kind: "unexpected", status: 200, message: "the answer is not JSON" },
      { kind: "unexpected", status: 200, message: "the answer has no event_reports list" },
    ]);
    const notAdmin = await api(fakeServer(() => json(403, {})).fetch).listReports();
    expect(notAdmin).toEqual({ ok: false, problem: { kind: "not-admin" } });
  });

  it("reads every page of event and user reports, oldest first, each record once", async () => {
    const events = [1, 2, 3, 4, 5].map((id) => eventRow(id, `reason ${id}`));
    const { fetch, seen } = fakeServer((path, query) => {
      const from = Number(query.get("from"));
      const limit = Number(query.get("limit"));
      if (path === "/_synapse/admin/v1/event_reports") {
        // A page that overlaps the previous one (a report arrived meanwhile) repeats record 2.
        const start = from === 2 ? 1 : from;
        const page = events.slice(start, from + limit);
        const next = from + limit < events.length ? { next_token: from + limit } : {};
        return json(200, { event_reports: page, total: events.length, ...next });
      }
      return json(200, {
        user_reports: [
          { id: 1, received_ts: 9, target_user_id: ALEX, user_id: NOOR, reason: "user one" },
          { id: "bad" },
        ],
        total: 1,
      });
    });
    const result = await api(fetch, 2).listReports();
    if (!result.ok) throw new Error("expected reports");
    expect(result.value.records.map((r) => [r.target.kind, r.id])).toEqual([
      ["event", 1],
      ["event", 2],
      ["event", 3],
      ["event", 4],
      ["event", 5],
      ["user", 1],
    ]);
    expect(result.value).toMatchObject({ userReports: "listed", truncated: false });
    expect(seen.map((s) => new URL(s.url).search)).toEqual([
      "?dir=f&limit=2&from=0",
      "?dir=f&limit=2&from=2",
      "?dir=f&limit=2&from=4",
      "?dir=f&limit=2&from=0",
    ]);
    expect(result.value.records[5]).toEqual({
      id: 1,
      receivedAt: 9,
      filedBy: NOOR,
      target: { kind: "user", userId: ALEX },
      reason: "user one",
    });
  });

  it("treats a server without a user report list as unsupported, and stops at a page limit", async () => {
    const { fetch } = fakeServer((path, query) =>
      path.endsWith("/event_reports")
        ? json(200, {
            event_reports: [eventRow(Number(query.get("from")) + 1, "r")],
            next_token: Number(query.get("from")) + 1,
          })
        : json(404, { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" }),
    );
    const result = await createModerationAdminApi({
      homeserverUrl: HOMESERVER,
      accessToken: "tok",
      fetch,
      pageSize: 1,
      maxPages: 3,
    }).listReports();
    expect(result.ok && result.value).toMatchObject({
      userReports: "unsupported",
      truncated: true,
    });
    expect(result.ok && result.value.records).toHaveLength(3);
  });
});

describe("opening what the server listed", () => {
  async function sealed(team: ModerationKeyPair, includeIdentity = true) {
    const created = createReportBundle(
      messageReport({ reporter: { userId: NOOR, includeIdentity } }),
      fixedEnvironment(),
    );
    if (!created.ok) throw new Error(created.problems.join("; "));
    const prepared = await prepareReport(created.bundle, {
      moderationPublicKey: team.publicKey,
      signingKey: includeIdentity ? await generateReporterSigningKeyPair() : undefined,
    });
    if (!prepared.ok) throw new Error(prepared.problems.join("; "));
    return { bundle: created.bundle, parts: prepared.report.parts };
  }

  function record(
    id: number,
    reason: string,
    overrides: Partial<ServerReportRecord> = {},
  ): ServerReportRecord {
    return {
      id,
      receivedAt: 1_000 + id,
      filedBy: NOOR,
      target: { kind: "event", roomId: ROOM, eventId: "$event5", eventSender: ALEX },
      reason,
      ...overrides,
    };
  }

  it("groups parts by report, opens each once, and checks it against the server's record", async () => {
    const team = await generateModerationKeyPair();
    const one = await sealed(team);
    // The same sealed payload cut into three parts, delivered out of order, one twice.
    const payload = one.parts[0]?.split(" ")[3] ?? "";
    const parts = splitIntoParts(one.bundle.reportId, payload, Math.ceil(payload.length / 3) + 60);
    expect(parts).toHaveLength(3);
    const listing = {
      records: [
        record(3, parts[2] ?? ""),
        record(1, parts[0] ?? ""),
        record(2, parts[1] ?? ""),
        record(4, parts[1] ?? ""),
        record(5, "please look at this"),
      ],
      userReports: "listed" as const,
      truncated: false,
    };
    const inbox = await openReportListing(listing, team);
    expect(inbox.unrecognised).toBe(1);
    expect(inbox.incomplete).toBe(0);
    expect(inbox.reports).toHaveLength(1);
    const [report] = inbox.reports;
    expect(report).toMatchObject({
      reportId: one.bundle.reportId,
      receivedAt: 1_001,
      filedBy: [NOOR],
      serverEventSender: ALEX,
      checks: { filedByNamedReporter: true, targetMatches: true, senderMatches: true },
    });
    expect(report?.opened.ok && report.opened.bundle).toEqual(one.bundle);
    expect(report?.opened.ok && report.opened.signature).toBe("valid");
  });

  it("flags a report filed by another account, on another event, or about another sender", async () => {
    const team = await generateModerationKeyPair();
    const { parts } = await sealed(team);
    const inbox = await openReportListing(
      {
        records: [
          record(1, parts[0] ?? "", {
            filedBy: "@mallory:localhost",
            target: { kind: "event", roomId: ROOM, eventId: "$other", eventSender: NOOR },
          }),
        ],
        userReports: "listed",
        truncated: false,
      },
      team,
    );
    expect(inbox.reports[0]?.checks).toEqual({
      filedByNamedReporter: false,
      targetMatches: false,
      senderMatches: false,
    });
  });

  it("makes no identity claim for a withheld reporter, and none at all for a report that does not open", async () => {
    const team = await generateModerationKeyPair();
    const withheld = await sealed(team, false);
    const opened = await openReportListing(
      { records: [record(1, withheld.parts[0] ?? "")], userReports: "listed", truncated: false },
      team,
    );
    expect(opened.reports[0]?.checks.filedByNamedReporter).toBeNull();
    expect(opened.reports[0]?.opened.ok && opened.reports[0].opened.signature).toBe("absent");

    const wrongKey = await openReportListing(
      { records: [record(1, withheld.parts[0] ?? "")], userReports: "listed", truncated: false },
      await generateModerationKeyPair(),
    );
    expect(wrongKey.reports[0]?.opened.ok).toBe(false);
    expect(wrongKey.reports[0]?.checks).toEqual({
      filedByNamedReporter: null,
      targetMatches: null,
      senderMatches: null,
    });
  });

  it("lists the newest report first", async () => {
    const team = await generateModerationKeyPair();
    const older = await sealed(team);
    const newer = await sealed(team);
    const inbox = await openReportListing(
      {
        records: [
          record(1, older.parts[0] ?? "", { receivedAt: 10 }),
          record(2, newer.parts[0] ?? "", { receivedAt: 20 }),
        ],
        userReports: "listed",
        truncated: false,
      },
      team,
    );
    expect(inbox.reports.map((r) => r.reportId)).toEqual([
      newer.bundle.reportId,
      older.bundle.reportId,
    ]);
  });
});

describe("the moderation service", () => {
  function service(adminApi: Partial<ModerationAdminApi>, deploymentPublicKey?: string) {
    const fullApi: ModerationAdminApi = {
      isServerAdmin: vi.fn(() => Promise.resolve({ ok: true as const, value: true })),
      listReports: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: { records: [], userReports: "listed" as const, truncated: false },
        }),
      ),
      ...adminApi,
    };
    return {
      api: fullApi,
      service: createModerationService({
        userId: MODERATOR,
        api: fullApi,
        store: createModeratorDeviceStore(memoryStorage(), MODERATOR),
        deploymentPublicKey,
      }),
    };
  }

  it("loads nothing without a key, and opens reports once a key is imported", async () => {
    const team = await generateModerationKeyPair();
    const publicKey = await keyToText(team.publicKey);
    const { service: moderation, api: adminApi } = service({}, publicKey);
    expect(await moderation.loadInbox()).toEqual({ ok: false, problem: { kind: "no-key" } });
    expect(adminApi.listReports).not.toHaveBeenCalled();
    expect(await moderation.storedKey()).toBeUndefined();

    expect(await moderation.importKey("nonsense")).toEqual({ ok: false, problem: "unreadable" });
    const imported = await moderation.importKey(
      JSON.stringify({ publicKey, secretKey: await keyToText(team.secretKey) }),
    );
    expect(imported).toEqual({ ok: true, status: { matchesDeployment: true, keyCount: 1 } });
    expect(await moderation.storedKey()).toEqual({ matchesDeployment: true, keyCount: 1 });
    expect(await moderation.loadInbox()).toMatchObject({ ok: true, inbox: { reports: [] } });

    moderation.forgetKey();
    expect(await moderation.storedKey()).toBeUndefined();
  });

  it("says when the imported key is not the one this deployment seals to", async () => {
    const other = await generateModerationKeyPair();
    const { service: moderation } = service({}, await keyToText(other.publicKey));
    const team = await generateModerationKeyPair();
    expect(await moderation.importKey(await keyToText(team.secretKey))).toEqual({
      ok: true,
      status: { matchesDeployment: false, keyCount: 1 },
    });
    const { service: unconfigured } = service({});
    expect(await unconfigured.importKey(await keyToText(team.secretKey))).toEqual({
      ok: true,
      status: { matchesDeployment: null, keyCount: 1 },
    });
  });

  it("keeps the old key after a rotation, so reports sealed to either key open", async () => {
    const oldKey = await generateModerationKeyPair();
    const newKey = await generateModerationKeyPair();
    const sealedTo = async (team: ModerationKeyPair) => {
      const created = createReportBundle(messageReport(), fixedEnvironment());
      if (!created.ok) throw new Error(created.problems.join("; "));
      const prepared = await prepareReport(created.bundle, {
        moderationPublicKey: team.publicKey,
        signingKey: await generateReporterSigningKeyPair(),
      });
      if (!prepared.ok) throw new Error(prepared.problems.join("; "));
      return { reportId: created.bundle.reportId, reason: prepared.report.parts[0] ?? "" };
    };
    const older = await sealedTo(oldKey);
    const newer = await sealedTo(newKey);
    const records: ServerReportRecord[] = [older, newer].map(({ reason }, i) => ({
      id: i + 1,
      receivedAt: 1_000 + i,
      filedBy: NOOR,
      target: { kind: "event", roomId: ROOM, eventId: "$event5", eventSender: ALEX },
      reason,
    }));
    const { service: moderation } = service(
      {
        listReports: vi.fn(() =>
          Promise.resolve({
            ok: true as const,
            value: { records, userReports: "listed" as const, truncated: false },
          }),
        ),
      },
      await keyToText(newKey.publicKey),
    );
    await moderation.importKey(await keyToText(oldKey.secretKey));
    const rotated = await moderation.importKey(await keyToText(newKey.secretKey));
    expect(rotated).toEqual({ ok: true, status: { matchesDeployment: true, keyCount: 2 } });
    const load = await moderation.loadInbox();
    if (!load.ok) throw new Error("load failed");
    expect(load.inbox.reports.map((r) => [r.reportId, r.opened.ok] as const).sort()).toEqual(
      [
        [older.reportId, true],
        [newer.reportId, true],
      ].sort(),
    );
  });

  it("asks the server once whether the account is an admin, but again after a failure", async () => {
    const isServerAdmin = vi
      .fn<ModerationAdminApi["isServerAdmin"]>()
      .mockResolvedValueOnce({ ok: false, problem: { kind: "unreachable", message: "offline" } })
      .mockResolvedValue({ ok: true, value: true });
    const { service: moderation } = service({ isServerAdmin });
    expect(await moderation.isAvailable()).toBe(false);
    expect(await moderation.isAvailable()).toBe(true);
    expect(await moderation.isAvailable()).toBe(true);
    expect(isServerAdmin).toHaveBeenCalledTimes(2);
  });
});

describe("a moderation team with a key each (TEAM)", () => {
  /** One moderation room both moderators post into: sealed statuses only. */
  function sharedRoom() {
    const posted: string[] = [];
    const room: ModerationRoomApi = {
      listIntakeRecords: () =>
        Promise.resolve({ ok: true as const, value: { records: [], truncated: false } }),
      listStatuses: () => Promise.resolve({ ok: true as const, value: [...posted].reverse() }),
      postStatus: (sealed) => {
        posted.push(sealed);
        return Promise.resolve({ ok: true as const, value: {} });
      },
      listMembers: () =>
        Promise.resolve({
          ok: true as const,
          value: new Map([
            ["@lotte:localhost", "Lotte"],
            ["@sanne:localhost", null],
          ]),
        }),
    };
    return { room, posted };
  }

  async function teamReport(keys: readonly ModerationKeyPair[]) {
    const created = createReportBundle(messageReport(), fixedEnvironment());
    if (!created.ok) throw new Error(created.problems.join("; "));
    const prepared = await prepareReport(created.bundle, {
      moderationPublicKey: keys.map((k) => k.publicKey),
      signingKey: await generateReporterSigningKeyPair(),
    });
    if (!prepared.ok) throw new Error(prepared.problems.join("; "));
    const record: ServerReportRecord = {
      id: 1,
      receivedAt: 1_000,
      filedBy: NOOR,
      target: { kind: "event", roomId: ROOM, eventId: "$event5", eventSender: ALEX },
      reason: prepared.report.parts[0] ?? "",
    };
    return { reportId: created.bundle.reportId, record };
  }

  function moderator(
    userId: string,
    room: ModerationRoomApi,
    records: readonly ServerReportRecord[],
    deploymentPublicKey: string,
  ) {
    return createModerationService({
      userId,
      api: {
        isServerAdmin: () => Promise.resolve({ ok: true as const, value: true }),
        listReports: () =>
          Promise.resolve({
            ok: true as const,
            value: { records, userReports: "listed" as const, truncated: false },
          }),
      },
      room,
      store: createModeratorDeviceStore(memoryStorage(), userId),
      deploymentPublicKey,
    });
  }

  it("both open the same report; one's note and 'handled' reach the other, newest first", async () => {
    const lotteKey = await generateModerationKeyPair();
    const sanneKey = await generateModerationKeyPair();
    const configured = [
      await keyToText(lotteKey.publicKey),
      await keyToText(sanneKey.publicKey),
    ].join(",");
    const { reportId, record } = await teamReport([lotteKey, sanneKey]);
    const { room, posted } = sharedRoom();
    const lotte = moderator("@lotte:localhost", room, [record], configured);
    const sanne = moderator("@sanne:localhost", room, [record], configured);
    expect(await lotte.importKey(await keyToText(lotteKey.secretKey))).toEqual({
      ok: true,
      status: { matchesDeployment: true, keyCount: 1 },
    });
    await sanne.importKey(await keyToText(sanneKey.secretKey));

    for (const moderation of [lotte, sanne]) {
      const load = await moderation.loadInbox();
      expect(load.ok && load.inbox.reports.map((r) => [r.reportId, r.opened.ok])).toEqual([
        [reportId, true],
      ]);
    }

    expect(lotte.addNote(reportId, "  Bekijk ik nu ", 10_000)).toBe(true);
    lotte.markHandled(reportId, 20_000, "doorgestuurd");
    await vi.waitFor(() => {
      expect(posted).toHaveLength(2);
    });
    // Sealed: the room holds nothing readable.
    expect(posted.join(" ")).not.toContain("doorgestuurd");

    await sanne.loadInbox();
    expect(sanne.handled().get(reportId)).toBe(20_000);
    expect(sanne.handledBy(reportId)).toBe("@lotte:localhost");
    expect(sanne.history(reportId)).toEqual([
      { kind: "handled", at: 20_000, by: "@lotte:localhost", name: "Lotte", note: "doorgestuurd" },
      { kind: "note", at: 10_000, by: "@lotte:localhost", name: "Lotte", note: "Bekijk ik nu" },
    ]);
    // A blank note is not posted.
    expect(sanne.addNote(reportId, "   ", 30_000)).toBe(false);
  });

  it("a moderator whose key was removed before a report was sealed cannot open it or its notes", async () => {
    const current = await generateModerationKeyPair();
    const removed = await generateModerationKeyPair();
    const { record } = await teamReport([current]);
    const { room } = sharedRoom();
    const configured = await keyToText(current.publicKey);
    const writer = moderator("@lotte:localhost", room, [record], configured);
    await writer.importKey(await keyToText(current.secretKey));
    await writer.loadInbox();
    const reportId = (await teamReport([current])).reportId;
    writer.addNote(reportId, "intern", 5_000);

    const outsider = moderator("@oud:localhost", room, [record], configured);
    expect(await outsider.importKey(await keyToText(removed.secretKey))).toEqual({
      ok: true,
      status: { matchesDeployment: false, keyCount: 1 },
    });
    const load = await outsider.loadInbox();
    expect(load.ok && load.inbox.reports.map((r) => r.opened.ok)).toEqual([false]);
    await vi.waitFor(async () => {
      const posted = await room.listStatuses();
      expect(posted.ok && posted.value).toHaveLength(1);
    });
    await outsider.loadInbox();
    expect(outsider.history(reportId)).toEqual([]);
  });

  it("turns statuses into history lines: handled, reopened, and notes beside the same state", () => {
    const at = (n: number, state: "open" | "handled", note: string | null = null) => ({
      version: 1 as const,
      reportId: "a".repeat(32),
      state,
      at: n,
      by: "@lotte:localhost",
      note,
    });
    expect(
      teamHistory([at(3, "open"), at(1, "open", "eerst"), at(2, "handled"), at(4, "open", "x")]),
    ).toEqual([
      { kind: "note", at: 4, by: "@lotte:localhost", note: "x" },
      { kind: "reopened", at: 3, by: "@lotte:localhost", note: null },
      { kind: "handled", at: 2, by: "@lotte:localhost", note: null },
      { kind: "note", at: 1, by: "@lotte:localhost", note: "eerst" },
    ]);
  });
});
