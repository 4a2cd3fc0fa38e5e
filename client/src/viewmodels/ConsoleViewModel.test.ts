import { describe, expect, it } from "vitest";
import { packFor } from "../study/assignment.ts";
import { createDeviceStudyLog } from "../study/deviceStudyLog.ts";
import { listStudyPacks } from "../study/packVariants.ts";
import type { StudyServicePort } from "../study/studyServiceClient.ts";
import { ConsoleViewModel } from "./ConsoleViewModel.ts";

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => {
      values.clear();
    },
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

function fakeService(calls: string[], failing = false): StudyServicePort {
  let running: string | undefined;
  return {
    scenarios: () =>
      Promise.resolve([
        {
          id: "unknown-adult-contacts-noor",
          title: { nl: "Onbekende volwassene", en: "Unknown adult" },
          participant: "noor",
        },
      ]),
    start: (id) => {
      calls.push(`start ${id}`);
      running = id;
      return Promise.resolve();
    },
    stop: () => {
      if (failing) return Promise.reject(new Error("unreachable"));
      calls.push("stop");
      running = undefined;
      return Promise.resolve();
    },
    status: () =>
      Promise.resolve(
        running === undefined ? null : { scenarioId: running, status: "finished", steps: [] },
      ),
    resetParticipant: (username) => {
      calls.push(`reset ${username}`);
      return Promise.resolve();
    },
  };
}

function consoleFor(
  userId = "@facilitator:localhost",
  options: { storedToken?: string; failingService?: boolean } = {},
) {
  const storage = memoryStorage();
  const catalogue = listStudyPacks();
  let now = 1_000;
  const log = createDeviceStudyLog({
    storage,
    catalogue,
    now: () => (now += 1000),
    randomBytes: (bytes) => bytes.fill(7),
  });
  const calls: string[] = [];
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
    now: () => 42,
    facilitators: ["@facilitator:localhost"],
    serviceFor: () => fakeService(calls, options.failingService),
    storage,
    log,
    catalogue,
    participants: [{ username: "noor", name: "Noor", band: "13-15" }],
    serverName: () => "localhost",
  });
  return { viewModel, storage, log, calls, token: () => token };
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

  it("keeps the token for this window, resumes with it, and forgets it on sign-out", async () => {
    const first = consoleFor();
    await first.viewModel.signIn("facilitator", "pw");
    expect(first.token()).toBe("token");

    const reopened = consoleFor("@facilitator:localhost", { storedToken: "token" });
    await reopened.viewModel.resume();
    expect(reopened.viewModel.getSnapshot().facilitator).toBe("@facilitator:localhost");
    expect(reopened.viewModel.getSnapshot().scenarios).toHaveLength(1);

    await reopened.viewModel.signOut();
    expect(reopened.viewModel.getSnapshot().facilitator).toBeUndefined();
    expect(reopened.viewModel.getSnapshot().scenarios).toEqual([]);
    expect(reopened.token()).toBeNull();
    expect(reopened.calls).toContain("sign out token");
  });

  it("does not resume with a token the homeserver no longer knows", async () => {
    const { viewModel, token } = consoleFor("@facilitator:localhost", { storedToken: "expired" });
    await viewModel.resume();
    expect(viewModel.getSnapshot().facilitator).toBeUndefined();
    expect(token()).toBeNull();
  });

  it("assigns a valid pack to a participant, refuses an unknown one", async () => {
    const { viewModel, storage } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    viewModel.setPack("noor", "baseline");
    expect(packFor(storage, "@noor:localhost")).toBe("baseline");
    viewModel.setPack("noor", "no-such-pack");
    expect(packFor(storage, "@noor:localhost")).toBe("baseline");
    expect(viewModel.getSnapshot().participants[0]?.packId).toBe("baseline");
  });

  it("records consent, runs a scenario into the log, and withdrawal deletes the records", async () => {
    const { viewModel, log, calls } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    viewModel.giveConsent();
    expect(viewModel.getSnapshot().consent?.participant).toMatch(/^p-[0-9a-f]{16}$/);
    await viewModel.startScenario("unknown-adult-contacts-noor");
    log.recorder.record({ kind: "help-opened", moment: "general" });
    viewModel.refresh();
    expect(viewModel.getSnapshot().timeline.map((r) => r.kind)).toEqual([
      "help-opened",
      "scenario-started",
    ]);
    expect(viewModel.getSnapshot().loggedRun).toEqual({
      scenario: "unknown-adult-contacts-noor",
      run: 1,
    });
    await viewModel.stopScenario();
    expect(calls).toEqual(["start unknown-adult-contacts-noor", "stop"]);
    expect(viewModel.getSnapshot().loggedRun).toBeUndefined();
    expect(viewModel.exportCsv()).toContain(",help-opened,");
    expect(JSON.parse(viewModel.exportJson())).toMatchObject({
      exportedAt: "1970-01-01T00:00:00.042Z",
    });

    // Withdrawal asks first (the view says the records will be deleted); cancel keeps them.
    viewModel.askToWithdrawConsent();
    expect(viewModel.getSnapshot().confirmingWithdrawal).toBe(true);
    viewModel.cancelWithdrawal();
    expect(log.records()).not.toEqual([]);
    viewModel.askToWithdrawConsent();
    viewModel.withdrawConsent();
    expect(viewModel.getSnapshot().consent).toBeUndefined();
    expect(viewModel.getSnapshot().confirmingWithdrawal).toBe(false);
    expect(log.records()).toEqual([]);
  });

  it("closes the run in the log even when the study service does not answer the stop", async () => {
    const { viewModel } = consoleFor("@facilitator:localhost", { failingService: true });
    await viewModel.signIn("facilitator", "pw");
    viewModel.giveConsent();
    await viewModel.startScenario("unknown-adult-contacts-noor");
    await viewModel.stopScenario();
    expect(viewModel.getSnapshot().loggedRun).toBeUndefined();
    expect(viewModel.getSnapshot().error).toBe("facilitator.error.service");
    expect(viewModel.getSnapshot().timeline.map((r) => r.kind)).toEqual([
      "scenario-ended",
      "scenario-started",
    ]);
  });

  it("resets a participant through the study service", async () => {
    const { viewModel, calls } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.resetParticipant("noor");
    expect(calls).toEqual(["reset noor"]);
  });
});
