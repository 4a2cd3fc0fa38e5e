// Attack suite, discovery and sender side. Lieke (13-15) opts in to "Find
// people" through her own device's protection. Strangers then try every way
// to list her, post to her, or use the directory as a shared room: old
// directory rooms, the homeserver's user directory, the discovery gatekeeper
// with no age, a forged age or a verified adult's age, and discovery probes.
// On the sender side: an adult's own (protected) client starts a chat with a
// minor whose device does not answer.

import {
  createIssuerKeyPair,
  createPresentation,
  DISCOVERY_ANSWER_TYPE,
  DISCOVERY_PROBE_TYPE,
  type AttestedAgeBand,
} from "@safety-by-design/protocol";
import { discoveryServiceAudience } from "@safety-by-design/client/actors";
import { issueAttestation } from "../../../../../tools/lib/ageIssuer.ts";
import { registerAgeBand } from "../../../../../tools/lib/ageIssuerService.ts";
import {
  rawCreateRoom,
  rawDevicesWithKeys,
  rawJoinedMembers,
  rawJoinedRooms,
  rawJoinRoomOrAlias,
  rawOpenIdToken,
  rawResolveAlias,
  rawSearchUserDirectory,
  type RawSession,
} from "../../../../../tools/lib/rawMatrix.ts";
import { testHomeserver, until } from "../../support.ts";
import { registerAccount, startOwnDevice, untilAsync, type OlmAttacker } from "../actors.ts";
import {
  genuineCredentials,
  presentationFor,
  presentGenuineBand,
  sendPresentation,
} from "../age.ts";
import {
  arrived,
  hidden,
  message,
  newCanary,
  olmStranger,
  quiet,
  screensOfRoom,
  settle,
  syncedPast,
  victimScreens,
  type AttackContext,
  type Outcome,
  type VictimDevice,
  type World,
} from "../harness.ts";

const MEGOLM = {
  type: "m.room.encryption",
  state_key: "",
  content: { algorithm: "m.megolm.v1.aes-sha2" },
};
const server = testHomeserver.serverName;
/** The public directory room's alias of the first design ("Find people" by room). */
const OLD_DIRECTORY_ALIAS = `#vindbaar:${server}`;

type SearchAnswer = { readonly status: number; readonly userIds: readonly string[] };

/** A search at the discovery gatekeeper, as a hand-written script would ask it. */
async function gatekeeperSearch(
  world: World,
  raw: RawSession,
  presentation: unknown,
  term: string,
  viewableBands: readonly AttestedAgeBand[],
): Promise<SearchAnswer> {
  const token = await rawOpenIdToken(raw);
  const response = await fetch(new URL("/v1/search", world.discovery.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      openid_token: token.access_token,
      matrix_server_name: token.matrix_server_name,
      presentation,
      term,
      viewable_bands: viewableBands,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    results?: readonly { user_id?: unknown }[];
  };
  return {
    status: response.status,
    userIds: (body.results ?? []).flatMap((r) =>
      typeof r.user_id === "string" ? [r.user_id] : [],
    ),
  };
}

const ALL_BANDS: readonly AttestedAgeBand[] = ["8-12", "13-15", "16-17", "18+"];

function notListed(answer: SearchAnswer, victim: VictimDevice): Outcome {
  const listed = answer.userIds.includes(victim.userId);
  return {
    pass: !listed,
    observed: `${String(answer.status)}; ${listed ? `${victim.label} listed` : `${victim.label} not listed`} (${String(answer.userIds.length)} result(s))`,
  };
}

/** Sends probes over Olm, then a presentation as an end marker; counts answers of `answerType`. */
async function probeBurst(
  world: World,
  from: OlmAttacker,
  victim: VictimDevice,
  probeType: string,
  answerType: string,
  count: number,
): Promise<number> {
  const before = from.received.filter((m) => m.type === answerType).length;
  await from.sendToDevice(
    victim.userId,
    probeType,
    Array.from({ length: count }, () => ({ probe_id: newCanary() })),
  );
  // The end marker: a presentation this device will judge after the probes before it.
  const judged: string[] = [];
  const stop = victim.protection.ages.observe((sender) => {
    if (sender === from.userId) judged.push(sender);
  });
  try {
    const expired = await genuineCredentials(world, from.userId, "18+", {
      now: Date.now() - 40 * 24 * 60 * 60 * 1000,
      days: 30,
    });
    await sendPresentation(from, victim, await presentationFor(expired, victim.userId));
    await until(() => judged.length > 0, "the end of the probe burst");
  } finally {
    stop();
  }
  return quiet(() => from.received.filter((m) => m.type === answerType).length - before);
}

function directory(): AttackContext {
  const id = (what: string): string => `directory.${what}.13-15`;
  return {
    id: "directory-13-15",
    variants: [
      { id: id("opt-in-joins-no-room"), door: "directory", expected: "no-room" },
      { id: id("public-room-lists-minor"), door: "directory", expected: "not-listed" },
      { id: id("stranger-posts-to-minor"), door: "directory", expected: "hidden" },
      { id: id("user-directory-lists-minor"), door: "directory", expected: "not-listed" },
      { id: id("gatekeeper-search-forged-age"), door: "directory", expected: "not-listed" },
      { id: id("gatekeeper-search-verified-adult"), door: "directory", expected: "not-listed" },
      {
        id: "control.gatekeeper-search-verified-peer.13-15",
        door: "control",
        expected: "listed",
      },
      { id: id("no-shared-room-fact-kept"), door: "directory", expected: "no-shared-rooms-notice" },
      { id: id("discovery-probe-from-adult"), door: "directory", expected: "no-answer" },
      {
        id: "probe-flood.discovery-probes.13-15",
        door: "probe-flood",
        expected: "at-most-10-of-40-answered",
      },
      { id: id("unverified-opted-in-found"), door: "directory", expected: "not-shown" },
    ],
    run: async ({ world, record, label }) => {
      const lieke = world.findable;
      const term = lieke.label;

      // Lieke opts in, as the Find people screen does after the engine allowed it.
      const roomsBefore = new Set(await rawJoinedRooms(lieke.raw));
      const change = lieke.protection.people.findableChange(true);
      if (change.effect === "refuse") throw new Error("a 13-15 may not opt in to Find people");
      await lieke.protection.people.setFindable(true);
      const newRooms = (await rawJoinedRooms(lieke.raw)).filter((r) => !roomsBefore.has(r));
      record(id("opt-in-joins-no-room"), {
        pass: newRooms.length === 0,
        observed:
          newRooms.length === 0 ? "no room joined" : `joined ${String(newRooms.length)} room(s)`,
      });

      // An unverified adult with a hand-written script.
      const adult = await olmStranger(world);
      const reachable: string[] = [];
      const candidates = [...newRooms];
      const old = await rawResolveAlias(adult.raw, OLD_DIRECTORY_ALIAS);
      if (old !== undefined) candidates.push(old);
      for (const roomId of candidates) {
        try {
          await rawJoinRoomOrAlias(adult.raw, roomId);
        } catch {
          continue;
        }
        if ((await rawJoinedMembers(adult.raw, roomId)).includes(lieke.userId)) {
          reachable.push(roomId);
          label(roomId, "directory room");
        }
      }
      record(id("public-room-lists-minor"), {
        pass: reachable.length === 0,
        observed:
          reachable.length === 0
            ? `not listed (${old === undefined ? "no" : "an old"} ${OLD_DIRECTORY_ALIAS} room)`
            : `listed in ${String(reachable.length)} room(s) anyone can join`,
      });
      const postCanary = newCanary();
      const first = reachable[0];
      if (first === undefined) {
        record(id("stranger-posts-to-minor"), { pass: true, observed: "no room to post to" });
      } else {
        await adult.inRoom(first);
        await adult.send(first, "m.room.message", { msgtype: "m.text", body: message(postCanary) });
        await syncedPast(world, lieke);
        await settle();
        record(id("stranger-posts-to-minor"), hidden(victimScreens(world, lieke), postCanary));
      }

      const directoryHits = [
        ...(await rawSearchUserDirectory(adult.raw, term)),
        ...(await rawSearchUserDirectory(adult.raw, lieke.account.username)),
      ].map((r) => r.userId);
      record(id("user-directory-lists-minor"), {
        pass: !directoryHits.includes(lieke.userId),
        observed: directoryHits.includes(lieke.userId) ? "listed" : "not listed",
      });

      // The gatekeeper, asked with a self-issued "13-15", then with a verified adult's band.
      const fake = await createIssuerKeyPair();
      const forgedCredentials = await genuineCredentials(world, adult.userId, "18+");
      const forged = await createPresentation(
        forgedCredentials.holder,
        await issueAttestation(fake, {
          userId: adult.userId,
          band: "13-15",
          holderKey: forgedCredentials.holder.publicKey,
        }),
        { audienceUserId: discoveryServiceAudience(server), now: Date.now() },
      );
      record(
        id("gatekeeper-search-forged-age"),
        notListed(await gatekeeperSearch(world, adult.raw, forged, term, ALL_BANDS), lieke),
      );
      const verifiedAdult = await olmStranger(world);
      const adultCredentials = await genuineCredentials(world, verifiedAdult.userId, "18+");
      record(
        id("gatekeeper-search-verified-adult"),
        notListed(
          await gatekeeperSearch(
            world,
            verifiedAdult.raw,
            await presentationFor(adultCredentials, discoveryServiceAudience(server)),
            term,
            ALL_BANDS,
          ),
          lieke,
        ),
      );
      const peer = await olmStranger(world);
      const peerCredentials = await genuineCredentials(world, peer.userId, "13-15");
      const peerAnswer = await gatekeeperSearch(
        world,
        peer.raw,
        await presentationFor(peerCredentials, discoveryServiceAudience(server)),
        term,
        ["13-15", "16-17"],
      );
      const peerFinds = peerAnswer.userIds.includes(lieke.userId);
      record("control.gatekeeper-search-verified-peer.13-15", {
        pass: peerFinds,
        observed: `${String(peerAnswer.status)}; ${peerFinds ? "Lieke listed" : "Lieke not listed"}`,
      });

      // The adult who searched invites her: nothing made them share a room.
      const roomId = await rawCreateRoom(adult.raw, {
        preset: "private_chat",
        is_direct: true,
        invite: [lieke.userId],
        initial_state: [MEGOLM],
      });
      label(roomId, "invitation after the directory");
      await arrived(lieke, roomId);
      await syncedPast(world, lieke);
      await settle();
      const opened = victimScreens(world, lieke, { requestsOpened: true });
      const fact = JSON.stringify(screensOfRoom(opened, roomId).map((s) => s.snapshot)).includes(
        "no-shared-rooms",
      );
      record(id("no-shared-room-fact-kept"), {
        pass: fact,
        observed: fact ? "no-shared-rooms notice" : "no no-shared-rooms notice",
      });

      // Discovery probes: from a verified adult (never answered), and a flood from a verified peer.
      await presentGenuineBand(world, verifiedAdult, lieke, "18+");
      const adultAnswers = await probeBurst(
        world,
        verifiedAdult,
        lieke,
        DISCOVERY_PROBE_TYPE,
        DISCOVERY_ANSWER_TYPE,
        1,
      );
      record(id("discovery-probe-from-adult"), {
        pass: adultAnswers === 0,
        observed: `${String(adultAnswers)} answer(s)`,
      });
      await presentGenuineBand(world, peer, lieke, "13-15");
      const peerAnswers = await probeBurst(
        world,
        peer,
        lieke,
        DISCOVERY_PROBE_TYPE,
        DISCOVERY_ANSWER_TYPE,
        40,
      );
      record("probe-flood.discovery-probes.13-15", {
        pass: peerAnswers <= 10,
        observed: `${String(peerAnswers)} of 40 answered`,
      });

      // An unverified account that "opted in": answers every search probe with yes.
      const nameCanary = newCanary();
      const unverified = await olmStranger(world);
      const stopAnswering = unverified.onToDevice((probe) => {
        if (probe.type !== DISCOVERY_PROBE_TYPE) return;
        void unverified.sendToDevice(probe.sender, DISCOVERY_ANSWER_TYPE, [
          { probe_id: probe.content["probe_id"], findable_by_peers: true },
        ]);
      });
      try {
        const token = await rawOpenIdToken(unverified.raw);
        await fetch(new URL("/v1/registration", world.discovery.url), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            openid_token: token.access_token,
            matrix_server_name: token.matrix_server_name,
            presentation: forged,
            display_name: `Lieke ${nameCanary}`,
            allowed_bands: ALL_BANDS,
            expires_at: Date.now() + 24 * 60 * 60 * 1000,
          }),
        });
        const found = await lieke.protection.people.find(nameCanary);
        const shownToHer =
          found.kind === "found" && found.people.some((p) => p.userId === unverified.userId);
        record(id("unverified-opted-in-found"), {
          pass: !shownToHer,
          observed: found.kind === "found" ? (shownToHer ? "shown" : "not shown") : found.kind,
        });
      } finally {
        stopAnswering();
      }
    },
  };
}

/** An adult's own (protected) client starts a chat with a minor whose device is offline. */
function senderSide(): AttackContext {
  const verified = "sender-side.offline-minor.verified-adult";
  const unverified = "sender-side.offline-minor.unverified-adult";
  return {
    id: "sender-side",
    variants: [
      { id: verified, door: "sender-side", expected: "not-silently-allowed" },
      { id: unverified, door: "sender-side", expected: "not-silently-allowed" },
    ],
    run: async ({ world, record }) => {
      const minor = await registerAccount(`offline-${newCanary()}`, "Fleur");
      await registerAgeBand(world.issuerDir, minor.userId, "13-15");
      const minorDevice = await startOwnDevice(minor);
      await untilAsync(
        async () =>
          (await rawDevicesWithKeys(minorDevice.raw, minor.userId)).includes(
            minorDevice.credentials.deviceId,
          ),
        "the offline minor's device keys",
      );
      minorDevice.session.stop();
      const adult = async (band: AttestedAgeBand | undefined, label: string) => {
        const account = await registerAccount(`${label}-${newCanary()}`, label);
        if (band !== undefined) await registerAgeBand(world.issuerDir, account.userId, band);
        const device = await startOwnDevice(account);
        const protection = await world.protect(device, label);
        world.onStop(() => {
          protection.stop();
          device.session.stop();
        });
        return protection;
      };
      const [verifiedAdult, unverifiedAdult] = await Promise.all([
        adult("18+", "Alex"),
        adult(undefined, "Mark"),
      ]);
      const judge = async (protection: typeof verifiedAdult): Promise<Outcome> => {
        const decision = await protection.gateway.startChat(minor.userId);
        const notices = decision.notices.map((n) => n.id);
        return {
          pass: decision.effect !== "allowed" || notices.length > 0,
          observed: `${decision.effect}${notices.length > 0 ? ` with ${notices.join(", ")}` : ", no notice"}`,
        };
      };
      const [a, b] = await Promise.all([judge(verifiedAdult), judge(unverifiedAdult)]);
      record(verified, a);
      record(unverified, b);
    },
  };
}

export function directoryContexts(): AttackContext[] {
  return [directory(), senderSide()];
}
