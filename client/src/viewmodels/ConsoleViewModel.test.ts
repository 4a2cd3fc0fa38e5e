// The facilitator console against an in-memory study service built on the
// real central log: who gets in, seats and their sign-in links, consent per
// seat, a scenario per seat, confirmations that say what will happen and
// results that say what did, and one merged export.
import { describe, expect, it } from "vitest";
import { deviceStudyVocabulary } from "../study/deviceStudyLog.ts";
import { listStudyPacks } from "../study/packVariants.ts";
import { SessionLog, seatName } from "../study/sessionLog.ts";
import type { SeatView, StudyServicePort } from "../study/studyServiceClient.ts";
import { ConsoleViewModel, POLL_MS } from "./ConsoleViewModel.ts";

const catalogue = listStudyPacks();
const vocabulary = deviceStudyVocabulary(catalogue);

/** The study service's behaviour over the real SessionLog, without HTTP. */
function fakeService(calls: string[], options: { failing?: boolean } = {}) {
  let now = 1_000;
  let seed = 0;
  const log = new SessionLog({
    vocabulary,
    consentTextVersion: "2026-11",
    now: () => (now += 1000),
    randomBytes: (bytes) => bytes.fill((seed += 1)),
  });
  const seats: { seat: string; band: string; packId: string; signInCode: string | null }[] = [];
  let codes = 0;
  const newCode = (): string => `code${String((codes += 1)).padStart(28, "0")}`;
  const actors = new Map<string, string>();
  const fail = (): void => {
    if (options.failing === true) throw new Error("unreachable");
  };
  const port: StudyServicePort = {
    scenarios: () =>
      Promise.resolve([
        {
          id: "unknown-adult-contacts-sam",
          title: { nl: "Onbekende volwassene (Sam)", en: "Unknown adult (Sam)" },
          participant: "sam",
          band: "8-12",
        },
        {
          id: "unknown-adult-contacts-noor",
          title: { nl: "Onbekende volwassene", en: "Unknown adult" },
          participant: "noor",
          band: "13-15",
        },
      ]),
    session: () =>
      Promise.resolve({
        seats: seats.map((s): SeatView => {
          const state = log.seatState(s.seat);
          const actor = actors.get(s.seat);
          return {
            ...s,
            participant: state.participant ?? null,
            consent:
              state.consent === undefined || state.consent.withdrawnAt !== null
                ? null
                : { textVersion: state.consent.textVersion, givenAt: state.consent.givenAt },
            loggedRun: state.run ?? null,
            recorded: state.recorded,
            actor: actor === undefined ? null : { scenarioId: actor, status: "running", steps: [] },
          };
        }),
        timeline: [...log.records()].reverse(),
      }),
    createSeats: (plan) => {
      fail();
      const created = Array.from({ length: plan.count }, (_, i) => {
        const seat = seatName(seats.length + 1);
        seats.push({
          seat,
          band: plan.bands[i % plan.bands.length] ?? "13-15",
          packId: plan.packs[i % plan.packs.length] ?? "nl-default",
          signInCode: newCode(),
        });
        return seat;
      });
      calls.push(`seats ${created.join(",")}`);
      return Promise.resolve(created);
    },
    setPack: (seat, packId) => {
      calls.push(`pack ${seat} ${packId}`);
      const found = seats.find((s) => s.seat === seat);
      if (found !== undefined) found.packId = packId;
      return Promise.resolve();
    },
    giveConsent: (seat) => Promise.resolve(log.giveConsent(seat)),
    withdrawConsent: (seat) => Promise.resolve(log.withdrawConsent(seat)),
    resetSeat: (seat) => {
      calls.push(`reset ${seat}`);
      return Promise.resolve({ declined: 1, left: 2 });
    },
    renewSignInCode: (seat) => {
      calls.push(`renew ${seat}`);
      const found = seats.find((s) => s.seat === seat);
      if (found !== undefined) found.signInCode = newCode();
      return Promise.resolve({ signedOut: 1 });
    },
    start: (seat, scenarioId) => {
      calls.push(`start ${seat} ${scenarioId}`);
      actors.set(seat, scenarioId);
      log.startRun(seat, scenarioId);
      return Promise.resolve();
    },
    stop: (seat) => {
      calls.push(`stop ${seat}`);
      actors.delete(seat);
      log.endRun(seat);
      return Promise.resolve();
    },
    exportLog: () => Promise.resolve({ consents: log.consents(), records: log.records() }),
    clearSession: () => {
      seats.length = 0;
      return Promise.resolve(log.clear());
    },
  };
  /** A phone redeems the seat's code: the service forgets it. */
  const useCode = (seat: string): void => {
    const found = seats.find((s) => s.seat === seat);
    if (found !== undefined) found.signInCode = null;
  };
  return { port, log, useCode };
}

function consoleFor(
  userId = "@facilitator:localhost",
  options: { storedToken?: string; failingService?: boolean } = {},
) {
  const calls: string[] = [];
  const service = fakeService(calls, { failing: options.failingService ?? false });
  const timers: (() => void)[] = [];
  let token: string | null = options.storedToken ?? null;
  const viewModel = new ConsoleViewModel({
    signIn: () => Promise.resolve({ userId, accessToken: "token" }),
    whoAmI: (accessToken) => Promise.resolve(accessToken === "token" ? userId : undefined),
    signOut: (accessToken) => {
      calls.push(`sign out ${accessToken}`);
      return Promise.resolve();
    },
    tokens: {
      load: () => token,
      save: (value) => {
        token = value;
      },
      clear: () => {
        token = null;
      },
    },
    now: () => Date.UTC(2026, 11, 6),
    schedule: (work, ms) => {
      expect(ms).toBe(POLL_MS);
      timers.push(work);
      return () => {
        const index = timers.indexOf(work);
        if (index !== -1) timers.splice(index, 1);
      };
    },
    facilitators: ["@facilitator:localhost"],
    serviceFor: () => service.port,
    catalogue,
    appUrl: "https://127.0.0.2:8443/",
    certificateUrl: "https://127.0.0.2:8443/lan/ca.crt",
  });
  return { viewModel, calls, log: service.log, service, timers, token: () => token };
}

describe("the facilitator console", () => {
  it("only a configured facilitator gets in; another account's token is ended at once", async () => {
    const { viewModel, calls, token } = consoleFor("@noor:localhost");
    await viewModel.signIn("noor", "pw");
    expect(viewModel.getSnapshot().facilitator).toBeUndefined();
    expect(viewModel.getSnapshot().error).toBe("facilitator.error.notFacilitator");
    expect(calls).toEqual(["sign out token"]);
    expect(token()).toBeNull();
  });

  it("keeps the token for this window, resumes with it, polls while signed in, and stops on sign-out", async () => {
    const first = consoleFor();
    await first.viewModel.signIn("facilitator", "pw");
    expect(first.token()).toBe("token");

    const reopened = consoleFor("@facilitator:localhost", { storedToken: "token" });
    await reopened.viewModel.resume();
    expect(reopened.viewModel.getSnapshot().facilitator).toBe("@facilitator:localhost");
    expect(reopened.viewModel.getSnapshot().scenarios).toHaveLength(2);
    expect(reopened.timers).toHaveLength(1);

    await reopened.viewModel.signOut();
    expect(reopened.viewModel.getSnapshot().facilitator).toBeUndefined();
    expect(reopened.viewModel.getSnapshot().seats).toEqual([]);
    expect(reopened.timers).toHaveLength(0);
    expect(reopened.token()).toBeNull();
    expect(reopened.calls).toContain("sign out token");
  });

  it("does not resume with a token the homeserver no longer knows", async () => {
    const { viewModel, token } = consoleFor("@facilitator:localhost", { storedToken: "expired" });
    await viewModel.resume();
    expect(viewModel.getSnapshot().facilitator).toBeUndefined();
    expect(token()).toBeNull();
  });

  it("creates seats with a sign-in link each and suggests a scenario of the seat's band", async () => {
    const { viewModel, calls } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 2,
      bands: ["8-12", "13-15"],
      packs: ["nl-default", "baseline"],
      balanced: true,
    });
    expect(calls).toContain("seats p01,p02");
    const [p01, p02] = viewModel.getSnapshot().seats;
    expect(p01?.signInLink).toBe(`https://127.0.0.2:8443/#seat=p01.code${"0".repeat(27)}1`);
    expect(p02?.signInLink).toMatch(/#seat=p02\.code0+2$/);
    expect(p01?.linkShown).toBe(false);
    expect(p01?.chosenScenario).toBe("unknown-adult-contacts-sam");
    expect(p02?.chosenScenario).toBe("unknown-adult-contacts-noor");
    expect(viewModel.getSnapshot().result).toEqual({
      key: "facilitator.result.seatsCreated",
      params: { count: 2, first: "p01", last: "p02" },
    });
    expect(viewModel.getSnapshot().certificateUrl).toBe("https://127.0.0.2:8443/lan/ca.crt");

    await viewModel.setPack("p01", "no-such-pack");
    expect(calls.filter((c) => c.startsWith("pack"))).toEqual([]);
    await viewModel.setPack("p01", "baseline");
    expect(viewModel.getSnapshot().seats[0]?.packId).toBe("baseline");
  });

  it("runs a scenario per seat and shows every seat's events, attributed to its seat", async () => {
    const { viewModel, calls } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 2,
      bands: ["13-15"],
      packs: ["nl-default"],
      balanced: false,
    });
    await viewModel.giveConsent("p01");
    await viewModel.giveConsent("p02");
    expect(viewModel.getSnapshot().result?.key).toBe("facilitator.result.consentGiven");
    viewModel.chooseScenario("p02", "unknown-adult-contacts-sam");
    await viewModel.startScenario("p01");
    await viewModel.startScenario("p02");
    expect(calls).toContain("start p01 unknown-adult-contacts-noor");
    expect(calls).toContain("start p02 unknown-adult-contacts-sam");
    const snapshot = viewModel.getSnapshot();
    expect(snapshot.seats.map((s) => s.loggedRun?.run)).toEqual([1, 1]);
    expect(snapshot.timeline.map((r) => `${r.seat ?? "?"} ${r.kind}`).sort()).toEqual([
      "p01 scenario-started",
      "p02 scenario-started",
    ]);
    await viewModel.stopScenario("p01");
    expect(viewModel.getSnapshot().seats[0]?.loggedRun).toBeNull();
    expect(viewModel.getSnapshot().result).toEqual({
      key: "facilitator.result.stopped",
      params: { seat: "p01" },
    });
  });

  it("asks before withdrawing, says how many events go, then reports what was deleted", async () => {
    const { viewModel, log } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 1,
      bands: ["13-15"],
      packs: ["nl-default"],
      balanced: false,
    });
    await viewModel.giveConsent("p01");
    log.record("p01", { kind: "help-opened", moment: "general" });
    await viewModel.refresh();

    viewModel.askToWithdraw("p01");
    expect(viewModel.getSnapshot().confirmation).toEqual({
      kind: "withdraw",
      seat: "p01",
      recorded: 1,
    });
    viewModel.cancelConfirmation();
    expect(viewModel.getSnapshot().confirmation).toBeUndefined();
    expect(log.records()).toHaveLength(1);

    viewModel.askToWithdraw("p01");
    await viewModel.confirm();
    expect(log.records()).toHaveLength(0);
    expect(viewModel.getSnapshot().result).toEqual({
      key: "facilitator.result.withdrawn",
      params: { seat: "p01", deleted: 1 },
    });
    expect(viewModel.getSnapshot().seats[0]?.consent).toBeNull();
  });

  it("asks before resetting a seat's account and reports the result", async () => {
    const { viewModel, calls } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 1,
      bands: ["13-15"],
      packs: ["nl-default"],
      balanced: false,
    });
    viewModel.askToReset("p01");
    expect(calls).not.toContain("reset p01");
    await viewModel.confirm();
    expect(calls).toContain("reset p01");
    expect(viewModel.getSnapshot().result).toEqual({
      key: "facilitator.result.reset",
      params: { seat: "p01", declined: 1, left: 2 },
    });
  });

  it("shows a seat's link as text only when asked, and asks before a fresh QR code signs the seat's devices out", async () => {
    const { viewModel, calls, service } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 1,
      bands: ["13-15"],
      packs: ["nl-default"],
      balanced: false,
    });
    viewModel.showLink("p01");
    expect(viewModel.getSnapshot().seats[0]?.linkShown).toBe(true);
    // A phone used the code: no link any more, and nothing to show.
    service.useCode("p01");
    await viewModel.refresh();
    expect(viewModel.getSnapshot().seats[0]?.signInLink).toBeUndefined();
    expect(viewModel.getSnapshot().seats[0]?.linkShown).toBe(false);

    viewModel.askToRenewCode("p01");
    expect(viewModel.getSnapshot().confirmation).toEqual({ kind: "renew-code", seat: "p01" });
    expect(calls).not.toContain("renew p01");
    await viewModel.confirm();
    expect(calls).toContain("renew p01");
    expect(viewModel.getSnapshot().result).toEqual({
      key: "facilitator.result.codeRenewed",
      params: { seat: "p01", signedOut: 1 },
    });
    const renewed = viewModel.getSnapshot().seats[0];
    expect(renewed?.signInLink).toMatch(/#seat=p01\.code0+2$/);
    // The new code's link is hidden again until asked.
    expect(renewed?.linkShown).toBe(false);
  });

  it("exports one file for every seat, and closes the session after asking", async () => {
    const { viewModel, log } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 2,
      bands: ["13-15"],
      packs: ["nl-default"],
      balanced: false,
    });
    await viewModel.giveConsent("p01");
    await viewModel.giveConsent("p02");
    log.record("p01", { kind: "help-opened", moment: "general" });
    log.record("p02", { kind: "help-opened", moment: "after-warning" });
    const csv = (await viewModel.exportCsv()) ?? "";
    expect(csv.trim().split("\r\n")).toHaveLength(3);
    const json = JSON.parse((await viewModel.exportJson()) ?? "{}") as { consents: unknown[] };
    expect(json.consents).toHaveLength(2);
    expect(csv).not.toMatch(/p0[12]|@|localhost/);

    viewModel.askToClear();
    expect(viewModel.getSnapshot().confirmation).toEqual({ kind: "clear", seats: 2 });
    await viewModel.confirm();
    expect(viewModel.getSnapshot().seats).toEqual([]);
    expect(viewModel.getSnapshot().result).toEqual({
      key: "facilitator.result.cleared",
      params: { records: 2, consents: 2 },
    });
  });

  it("says so when the service fails, and changes nothing", async () => {
    const { viewModel } = consoleFor("@facilitator:localhost", { failingService: true });
    await viewModel.signIn("facilitator", "pw");
    await viewModel.createSeats({
      count: 1,
      bands: ["13-15"],
      packs: ["nl-default"],
      balanced: false,
    });
    expect(viewModel.getSnapshot().error).toBe("facilitator.error.action");
    expect(viewModel.getSnapshot().seats).toEqual([]);
    expect(viewModel.getSnapshot().busy).toBe(false);
  });
});
