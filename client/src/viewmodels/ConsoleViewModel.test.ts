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

function fakeService(calls: string[]): StudyServicePort {
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

function consoleFor(userId = "@facilitator:localhost") {
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
  const viewModel = new ConsoleViewModel({
    signIn: () => Promise.resolve({ userId, accessToken: "token" }),
    facilitators: ["@facilitator:localhost"],
    serviceFor: () => fakeService(calls),
    storage,
    log,
    catalogue,
    participants: [{ username: "noor", name: "Noor", band: "13-15" }],
    serverName: () => "localhost",
  });
  return { viewModel, storage, log, calls };
}

describe("the facilitator console", () => {
  it("only a configured facilitator gets in", async () => {
    const { viewModel } = consoleFor("@noor:localhost");
    await viewModel.signIn("noor", "pw");
    expect(viewModel.getSnapshot().facilitator).toBeUndefined();
    expect(viewModel.getSnapshot().error).toBe("facilitator.error.notFacilitator");
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
    await viewModel.stopScenario();
    expect(calls).toEqual(["start unknown-adult-contacts-noor", "stop"]);
    expect(viewModel.exportCsv()).toContain(",help-opened,");
    viewModel.withdrawConsent();
    expect(viewModel.getSnapshot().consent).toBeUndefined();
    expect(log.records()).toEqual([]);
  });

  it("resets a participant through the study service", async () => {
    const { viewModel, calls } = consoleFor();
    await viewModel.signIn("facilitator", "pw");
    await viewModel.resetParticipant("noor");
    expect(calls).toEqual(["reset noor"]);
  });
});
