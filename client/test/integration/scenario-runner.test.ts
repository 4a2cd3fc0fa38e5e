// The scenario runner (tools/lib/scenarioRunner.ts) against the real
// homeserver: the scripted unknown adult's invitation and messages reach
// Noor's device end-to-end encrypted, and a run can be stopped halfway. The
// scenarios of the other doors (a friend's group with a stranger inside, a
// stranger added to a chat) play towards a participant's device that runs
// the client's own protection, and the test reads what its screens show.
// Fresh accounts stand in for the personas, which other suites share.
import "fake-indexeddb/auto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttestedAgeBand } from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";
import {
  ChatListViewModel,
  ConversationViewModel,
  RequestViewModel,
  type DeviceProtection,
  type MessageRow,
  type NewcomerRow,
} from "@safety-by-design/client/headless";
import { presentActorAge } from "../../../tools/lib/actorAge.ts";
import { loadOrCreateIssuer } from "../../../tools/lib/ageIssuer.ts";
import {
  registerAgeBand,
  startAgeIssuerService,
  type AgeIssuerService,
} from "../../../tools/lib/ageIssuerService.ts";
import type { LocalDeployment } from "../../../tools/lib/deployment.ts";
import {
  runScenario,
  type ContactPolicy,
  type ResolvedActor,
  type ScenarioEvent,
} from "../../../tools/lib/scenarioRunner.ts";
import type { Scenario } from "../../../tools/lib/scenarioScript.ts";
import { findScenario } from "../../../tools/scenarios/index.ts";
import {
  freshAccount,
  startNewDevice,
  testHomeserver,
  until,
  type TestAccount,
} from "./support.ts";
import { protectDevice } from "./protectedDevices.ts";

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

// ---------------------------------------------------------------------------
// The other doors, on a participant's device with the client's own protection
// ---------------------------------------------------------------------------

type ProtectedParticipant = {
  readonly account: TestAccount;
  readonly userId: string;
  readonly session: ChatSession;
  readonly protection: DeviceProtection;
};

const noop = (): void => undefined;

/** The texts a script has `by` one of its other actors write, in Dutch. */
function writtenBy(script: Scenario, name: string): readonly string[] {
  return script.steps.flatMap((step) =>
    step.do === "send" && step.by === name ? [step.text.nl] : [],
  );
}

function writtenByActor(script: Scenario): readonly string[] {
  return script.steps.flatMap((step) =>
    step.do === "send" && step.by === undefined ? [step.text.nl] : [],
  );
}

function displayNameOf(script: Scenario, name: string): string {
  const actor = script.otherActors?.[name];
  if (actor === undefined || !("throwaway" in actor)) throw new Error(`no throwaway ${name}`);
  return actor.throwaway.displayName;
}

describe("the other doors, towards a participant's device that runs the client's protection", () => {
  const engine = createPolicyEngine(loadBundledPack("nl-default"));
  let issuerDir: string;
  let deployment: Pick<LocalDeployment, "issuer" | "issuerDir" | "ageIssuerUrl">;
  let provider: AgeIssuerService;
  const participants: ProtectedParticipant[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    issuerDir = await mkdtemp(join(tmpdir(), "sbd-scenario-issuer-"));
    const issuer = await loadOrCreateIssuer(issuerDir);
    provider = await startAgeIssuerService({
      issuer,
      issuerDir,
      homeserver: testHomeserver,
      port: 0,
    });
    deployment = { issuer, issuerDir, ageIssuerUrl: provider.url };
  });

  afterAll(async () => {
    for (const participant of participants) {
      participant.protection.stop();
      participant.session.stop();
    }
    await provider.close();
    await rm(issuerDir, { recursive: true, force: true });
  });

  /** A minor signed in on a device running the client's protection, as main.tsx starts it. */
  async function protectedParticipant(
    label: string,
    band: AttestedAgeBand,
  ): Promise<ProtectedParticipant> {
    const account = await freshAccount(label);
    const userId = `@${account.username}:${testHomeserver.serverName}`;
    await registerAgeBand(issuerDir, userId, band);
    const session = await startNewDevice(account);
    const protection = await protectDevice(session, {
      engine,
      issuer: deployment.issuer,
      ageIssuerUrl: provider.url,
      failed: (what, error) => {
        failures.push(`${label}: ${what}: ${String(error)}`);
      },
    });
    const participant = { account, userId, session, protection };
    participants.push(participant);
    expect(protection.ownAge).toMatchObject({ status: "verified", band });
    return participant;
  }

  /** As the command line and the study service do: each actor's device presents its band first. */
  function presentingAges(
    participantUserId: string,
  ): (session: ChatSession, actor: ResolvedActor) => Promise<void> {
    return async (session, actor) => {
      await presentActorAge(session, deployment, participantUserId, actor.band);
    };
  }

  function chatListOf(participant: ProtectedParticipant): ChatListViewModel {
    return new ChatListViewModel(
      participant.session,
      participant.protection.gateway,
      participant.protection.rooms,
      {
        open: noop,
        openRequest: noop,
        startNewChat: noop,
        startNewGroup: noop,
      },
    );
  }

  /** The run, with Lotte played by a fresh account and the participant's login for making friends. */
  async function play(
    script: Scenario,
    participant: ProtectedParticipant,
    waitScale: number,
  ): ReturnType<typeof runScenario> {
    const result = await runScenario(script, {
      homeserver: testHomeserver,
      participantUserId: participant.userId,
      participantAccount: participant.account,
      actorAccount: await freshAccount("lotte"),
      waitScale,
      actorReady: presentingAges(participant.userId),
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("finished");
    return result;
  }

  it("stranger-added-to-chat-noor: Lotte's group is a normal invitation; the stranger she adds is announced in it and kept back until Noor chooses", async () => {
    const script = scenario("stranger-added-to-chat-noor");
    const noor = await protectedParticipant("noor", "13-15");
    const chatList = chatListOf(noor);
    // Noor, on her phone: Lotte's invitation is with her chats, and she accepts it there.
    const accepted = (async () => {
      const row = await until(
        () => chatList.getSnapshot().invitations[0],
        "Lotte's invitation with Noor's chats",
        60_000,
      );
      expect(chatList.getSnapshot().requests).toEqual([]);
      await chatList.acceptInvitation(row.roomId);
      return row;
    })();
    // A fifth of each pause: the script still waits for Noor to accept (up to 24 s).
    const result = await play(script, noor, 0.2);
    const invitation = await accepted;
    chatList.dispose();

    expect(result.steps.map((s) => s.status)).toEqual(script.steps.map(() => "finished"));
    const waited = script.steps.findIndex((step) => step.do === "wait-for-join");
    expect(result.steps[waited]?.outcome).toBe("the participant accepted");
    expect(invitation.group).toMatchObject({ kind: "name", text: "Schoolfeest vrijdag" });
    expect(invitation.inviter).toMatchObject({ kind: "name" });
    // Lotte is a contact on Noor's side, as friends who met in person.
    expect(noor.session.contacts().map((c) => c.userId)).toContain(result.actorUserId);

    const roomId = invitation.roomId;
    const strangerId = result.otherActorUserIds["stranger"];
    if (strangerId === undefined) throw new Error("no stranger in the result");
    const strangerWrote = writtenBy(script, "stranger");
    // His words are on Noor's device, decrypted, before we look at her screen.
    await until(
      () =>
        strangerWrote.every((text) =>
          noor.session.messages(roomId).some((m) => m.sender === strangerId && m.body === text),
        ),
      "the stranger's messages, decrypted on Noor's device",
    );
    // The decision store: he is an adult she does not know, announced, his content on request.
    const member = await until(
      () =>
        noor.protection.rooms
          .room(roomId)
          ?.members.find((m) => m.userId === strangerId && m.relationship === "adult-stranger"),
      "the stranger judged as a verified adult",
    );
    expect(member).toMatchObject({
      announce: true,
      content: "on-request",
      name: { kind: "unknown" },
    });

    const conversation = new ConversationViewModel(
      noor.session,
      noor.protection.rooms,
      roomId,
      noop,
    );
    try {
      const view = conversation.getSnapshot();
      const newcomer = view.rows.find((row): row is NewcomerRow => row.type === "newcomer");
      expect(newcomer).toMatchObject({
        name: { kind: "unknown" },
        relationship: "adult-stranger",
        canView: true,
      });
      expect(newcomer?.notices.map((n) => n.id)).toContain("stranger-joined");
      expect(newcomer?.help).toContain("kindertelefoon");
      const messages = view.rows.filter((row): row is MessageRow => row.type === "message");
      // Lotte's words show; his are rows without a body, behind "Toch bekijken".
      for (const text of writtenByActor(script)) {
        expect(messages.some((m) => m.kind === "text" && m.body === text)).toBe(true);
      }
      const kept = messages.filter((m) => m.kind === "hidden");
      expect(kept).toHaveLength(strangerWrote.length);
      expect(kept.every((m) => m.canView && m.body === "")).toBe(true);
      const shown = JSON.stringify(view);
      for (const text of strangerWrote) expect(shown).not.toContain(text);
      expect(shown).not.toContain(displayNameOf(script, "stranger"));

      // Her choice: "Toch bekijken".
      if (newcomer === undefined) return;
      await conversation.viewMember(newcomer.handle);
      await until(
        () =>
          strangerWrote.every((text) =>
            conversation
              .getSnapshot()
              .rows.some(
                (row) => row.type === "message" && row.kind === "text" && row.body === text,
              ),
          ),
        "his words, once Noor chose to see them",
      );
    } finally {
      conversation.dispose();
    }
    expect(failures).toEqual([]);
  });

  it("stranger-in-friends-group-noor: Lotte's group with an adult inside opens as the group safety overview", async () => {
    const script = scenario("stranger-in-friends-group-noor");
    const noor = await protectedParticipant("noor", "13-15");
    // No pauses: Noor does not answer, and the script goes on without her.
    const result = await play(script, noor, 0);
    expect(Object.keys(result.otherActorUserIds)).toEqual(["stranger"]);

    const chatList = chatListOf(noor);
    const row = await until(
      () => chatList.getSnapshot().requests.find((r) => r.isGroup),
      "Lotte's group among Noor's requests",
    );
    expect(row).toMatchObject({ presentation: "overview", inviter: { kind: "name" } });
    expect(chatList.getSnapshot().invitations).toEqual([]);
    expect(chatList.getSnapshot().chats.map((c) => c.roomId)).not.toContain(row.roomId);
    const request = new RequestViewModel(noor.session, noor.protection.rooms, row.roomId, {
      back: noop,
      openConversation: noop,
    });
    try {
      const overview = await until(() => {
        const view = request.getSnapshot();
        const judged =
          view.found && view.overview?.members.some((m) => m.relationship === "adult-stranger");
        return judged === true ? view : undefined;
      }, "the overview with the stranger judged as a verified adult");
      expect(overview.presentation).toBe("overview");
      expect(overview.choices).toContain("accept");
      expect(overview.notices.map((n) => n.id)).toContain("group-with-strangers");
      expect(overview.help).toContain("kindertelefoon");
      expect(overview.overview?.title).toMatchObject({ kind: "name", text: "Zwemmen zaterdag" });
      expect(overview.overview?.members).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ relationship: "adult-stranger", isInviter: false }),
          expect.objectContaining({ isInviter: true, isCreator: true }),
        ]),
      );
      // Nothing anyone wrote in the group is on her screens before she chooses.
      const shown = JSON.stringify([chatList.getSnapshot(), overview]);
      for (const text of [...writtenBy(script, "stranger"), ...writtenByActor(script)]) {
        expect(shown).not.toContain(text);
      }
    } finally {
      request.dispose();
      chatList.dispose();
    }
    expect(failures).toEqual([]);
  });

  it("stranger-in-friends-group-sam: the same group is held aside for Sam, the stranger not named", async () => {
    const script = scenario("stranger-in-friends-group-sam");
    const sam = await protectedParticipant("sam", "8-12");
    await play(script, sam, 0);

    const chatList = chatListOf(sam);
    const row = await until(
      () => chatList.getSnapshot().requests.find((r) => r.isGroup),
      "Lotte's group among Sam's requests",
    );
    expect(row.presentation).toBe("filtered");
    expect(chatList.getSnapshot().invitations).toEqual([]);
    const request = new RequestViewModel(sam.session, sam.protection.rooms, row.roomId, {
      back: noop,
      openConversation: noop,
    });
    try {
      const view = request.getSnapshot();
      if (!view.found) throw new Error("no request");
      expect(view.choices).not.toContain("accept");
      expect(view.help).toContain("kindertelefoon");
      const strangers = view.overview?.members.filter((m) => !m.isInviter) ?? [];
      expect(strangers.length).toBeGreaterThan(0);
      expect(strangers.every((m) => m.name.kind === "unknown")).toBe(true);
      const shown = JSON.stringify([chatList.getSnapshot(), view]);
      expect(shown).not.toContain(displayNameOf(script, "stranger"));
      for (const text of [...writtenBy(script, "stranger"), ...writtenByActor(script)]) {
        expect(shown).not.toContain(text);
      }
    } finally {
      request.dispose();
      chatList.dispose();
    }
    expect(failures).toEqual([]);
  });
});
