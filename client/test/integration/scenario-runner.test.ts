// The scenario runner (tools/lib/scenarioRunner.ts) against the real
// homeserver: the scripted unknown adult's invitation and messages reach
// Noor's device end-to-end encrypted, and a run can be stopped halfway.
// Fresh accounts stand in for the personas, which other suites share.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession } from "../../src/matrix/chatSession.ts";
import {
  runScenario,
  type ContactPolicy,
  type ScenarioEvent,
} from "../../../tools/lib/scenarioRunner.ts";
import type { Scenario } from "../../../tools/lib/scenarioScript.ts";
import { findScenario } from "../../../tools/scenarios/index.ts";
import { freshAccount, startNewDevice, testHomeserver, until } from "./support.ts";

function scenario(id: string): Scenario {
  const found = findScenario(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}

describe("the scenario runner against the real homeserver", () => {
  let noor: ChatSession;

  beforeAll(async () => {
    // Noor is signed in before the run, as in a session: her device receives the keys.
    noor = await startNewDevice(await freshAccount("noor"));
  });

  afterAll(() => {
    noor.stop();
  });

  it("delivers the actor's invitation and encrypted messages to Noor's device", async () => {
    const script = scenario("unknown-adult-contacts-noor");
    const events: ScenarioEvent[] = [];
    const result = await runScenario(script, {
      homeserver: testHomeserver,
      participantUserId: noor.userId,
      actorAccount: await freshAccount("alex"),
      waitScale: 0,
      onEvent: (event) => events.push(event),
    });

    expect(result.error).toBeUndefined();
    expect(result.status).toBe("finished");
    expect(result.steps.map((s) => s.status)).toEqual(script.steps.map(() => "finished"));
    expect(events[0]?.type).toBe("scenario-started");
    expect(events.at(-1)).toEqual({ type: "scenario-finished", result });
    expect(events.filter((e) => e.type === "step-started")).toHaveLength(script.steps.length);

    const invitation = await until(
      () => noor.invitations().find((i) => i.inviterUserId === result.actorUserId),
      "the scripted invitation",
    );
    expect(invitation.isDirect).toBe(true);

    // Once she accepts, her own device decrypts the scripted words.
    await noor.join(invitation.roomId);
    await until(
      () => noor.conversation(invitation.roomId)?.encrypted,
      "the encrypted room on Noor's device",
    );
    const scripted = script.steps.flatMap((step) => (step.do === "send" ? [step.text.nl] : []));
    await until(
      () =>
        scripted.every((text) =>
          noor.messages(invitation.roomId).some((m) => m.kind === "text" && m.body === text),
        ),
      "the scripted messages, decrypted",
    );
  });

  it("stops in the middle of a pause when asked, and runs nothing after it", async () => {
    const stop = new AbortController();
    let pauseStartedAt = Number.POSITIVE_INFINITY;
    const result = await runScenario(scenario("unknown-adult-contacts-noor"), {
      homeserver: testHomeserver,
      participantUserId: noor.userId,
      actorAccount: await freshAccount("alex"),
      signal: stop.signal,
      onEvent: (event) => {
        // Step 3 is a five-second pause after the first message.
        if (event.type === "step-started" && event.index === 2) {
          pauseStartedAt = Date.now();
          setTimeout(() => {
            stop.abort(new Error("stopped by the test"));
          }, 200);
        }
      },
    });

    expect(result.status).toBe("stopped");
    expect(result.steps.map((s) => s.status)).toEqual(["finished", "finished", "stopped"]);
    // Well before the pause would have ended, sign-out included.
    expect(Date.now() - pauseStartedAt).toBeLessThan(4_000);
  });

  it("records a contact attempt that the sender's policy refuses, and sends nothing", async () => {
    const deterrence = scenario("adult-tries-to-reach-minors");
    const towardsNoor: Scenario = { ...deterrence, steps: [{ do: "try-contact" }] };
    const asked: Parameters<ContactPolicy>[0][] = [];
    const refused = await runScenario(towardsNoor, {
      homeserver: testHomeserver,
      participantUserId: noor.userId,
      actorAccount: await freshAccount("alex"),
      contactPolicy: (attempt) => {
        asked.push(attempt);
        return { outcome: "refused", detail: "an adult may not start a chat with a minor" };
      },
    });
    expect(refused.status).toBe("finished");
    expect(refused.steps[0]?.outcome).toMatch(/^refused by the sender-side policy/);
    // The policy hears who asks, with the band the actor's persona holds.
    expect(asked).toEqual([
      {
        actor: expect.objectContaining({ userId: refused.actorUserId, band: "18+" }) as unknown,
        targetUserId: noor.userId,
      },
    ]);

    // Without a sender-side check the attempt goes out (a modified client would do the same).
    const unchecked = await runScenario(towardsNoor, {
      homeserver: testHomeserver,
      participantUserId: noor.userId,
      actorAccount: await freshAccount("alex"),
    });
    expect(unchecked.steps[0]?.outcome).toMatch(/^attempted/);
    await until(
      () => noor.invitations().find((i) => i.inviterUserId === unchecked.actorUserId),
      "the unchecked attempt's invitation",
    );
    expect(noor.invitations().some((i) => i.inviterUserId === refused.actorUserId)).toBe(false);
  });
});
