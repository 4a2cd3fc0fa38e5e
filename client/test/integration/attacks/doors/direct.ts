// Attack suite, direct doors: a stranger invites the minor into a direct
// chat (names, IDs, room name, topic, avatars and the invite reason as the
// message), what happens after a 13-15 accepts, forged age presentations,
// probe floods and look-alike names.

import {
  AGE_PRESENTATION_TYPE,
  CONTACT_ANSWER_TYPE,
  CONTACT_PROBE_TYPE,
  createIssuerKeyPair,
  createPresentation,
  type AgeVerification,
} from "@safety-by-design/protocol";
import { issueAttestation } from "../../../../../tools/lib/ageIssuer.ts";
import {
  rawCreateRoom,
  rawLogin,
  rawSendEvent,
  rawSendState,
  rawSendToDevice,
  rawSetAvatarUrl,
  rawSetRoomDisplayName,
  type RawSession,
} from "../../../../../tools/lib/rawMatrix.ts";
import { testHomeserver, until } from "../../support.ts";
import { registerAccount, startOlmAttacker, type OlmAttacker } from "../actors.ts";
import { genuineCredentials, presentationFor, sendPresentation } from "../age.ts";
import {
  arrived,
  expectUntilOpened,
  flaggedAsLookAlike,
  hidden,
  hiddenUntilOpened,
  message,
  messagesArrived,
  newCanary,
  noHiddenCharacters,
  notAsNormalMessage,
  notNormal,
  olmStranger,
  quiet,
  screensOfRoom,
  screensOnceShown,
  settle,
  showsIdOrWarns,
  shown,
  syncedPast,
  victimScreens,
  victimTaps,
  type AttackContext,
  type Band,
  type Outcome,
  type VictimDevice,
  type World,
} from "../harness.ts";

const MEGOLM = {
  type: "m.room.encryption",
  state_key: "",
  content: { algorithm: "m.megolm.v1.aes-sha2" },
};

/** A raw attacker: an account whose Matrix ID and display name are canaries, and plain HTTP. */
async function rawStranger(displayName: string): Promise<{ raw: RawSession; idCanary: string }> {
  const idCanary = newCanary();
  const account = await registerAccount(idCanary, displayName);
  return { raw: await rawLogin(testHomeserver, account.username, account.password), idCanary };
}

/** Invites as a direct chat, with a reason: the member event a script can send itself. */
async function directInvite(
  raw: RawSession,
  roomId: string,
  userId: string,
  reason?: string,
): Promise<void> {
  await rawSendState(raw, roomId, "m.room.member", userId, {
    membership: "invite",
    is_direct: true,
    ...(reason === undefined ? {} : { reason }),
  });
}

// ---------------------------------------------------------------------------

/** Everything of one raw invitation is a message: display name, ID, room name, topic, avatars, reason. */
function directInvitation(band: Band): AttackContext {
  const id = (what: string): string => `dm.${what}.${band}`;
  const untilOpened = expectUntilOpened(band);
  return {
    id: `direct-invitation-${band}`,
    variants: [
      { id: id("held-as-request"), door: "dm-invite", expected: "not-a-normal-chat" },
      { id: id("display-name-is-message"), door: "names", expected: untilOpened },
      { id: id("localpart-is-message"), door: "names", expected: untilOpened },
      { id: id("room-name"), door: "dm-invite", expected: untilOpened },
      { id: id("topic"), door: "dm-invite", expected: untilOpened },
      { id: id("room-alias"), door: "dm-invite", expected: untilOpened },
      { id: id("room-avatar"), door: "dm-invite", expected: untilOpened },
      { id: id("user-avatar"), door: "dm-invite", expected: untilOpened },
      { id: id("invite-reason"), door: "invite-reason", expected: untilOpened },
      {
        id: `names.bidi-and-invisible-characters-in-request.${band}`,
        door: "names",
        expected: "no-bidi-or-invisible-characters",
      },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const c = {
        name: newCanary(),
        room: newCanary(),
        topic: newCanary(),
        alias: newCanary(),
        roomAvatar: newCanary(),
        userAvatar: newCanary(),
        reason: newCanary(),
      };
      // The name also hides text direction overrides, zero-width and tag characters.
      const { raw, idCanary } = await rawStranger(
        `\u202E${message(c.name)}\u202C\u200B\u{E0041}\u2067`,
      );
      await rawSetAvatarUrl(raw, `mxc://${testHomeserver.serverName}/${c.userAvatar}`);
      const roomId = await rawCreateRoom(raw, {
        preset: "private_chat",
        is_direct: true,
        name: message(c.room),
        topic: message(c.topic),
        room_alias_name: `stuur-een-foto-${c.alias}`,
        initial_state: [
          MEGOLM,
          {
            type: "m.room.avatar",
            state_key: "",
            content: { url: `mxc://${testHomeserver.serverName}/${c.roomAvatar}` },
          },
        ],
      });
      label(roomId, `stranger's direct invitation (${band})`);
      await directInvite(raw, roomId, victim.userId, message(c.reason));
      await arrived(victim, roomId);
      await syncedPast(world, victim);
      await settle();
      const unopened = victimScreens(world, victim);
      const opened = victimScreens(world, victim, { requestsOpened: true });
      record(id("held-as-request"), notNormal(unopened, roomId));
      record(
        id("display-name-is-message"),
        hiddenUntilOpened(band, unopened, opened, c.name, roomId),
      );
      record(
        id("localpart-is-message"),
        hiddenUntilOpened(band, unopened, opened, idCanary, roomId),
      );
      record(id("room-name"), hiddenUntilOpened(band, unopened, opened, c.room, roomId));
      record(id("topic"), hiddenUntilOpened(band, unopened, opened, c.topic, roomId));
      record(id("room-alias"), hiddenUntilOpened(band, unopened, opened, c.alias, roomId));
      record(id("room-avatar"), hiddenUntilOpened(band, unopened, opened, c.roomAvatar, roomId));
      record(id("user-avatar"), hiddenUntilOpened(band, unopened, opened, c.userAvatar, roomId));
      record(id("invite-reason"), hiddenUntilOpened(band, unopened, opened, c.reason, roomId));
      record(
        `names.bidi-and-invisible-characters-in-request.${band}`,
        noHiddenCharacters(opened, [c.name]),
      );
    },
  };
}

/**
 * A 13-15 accepts a stranger's request after reading it (the positive
 * controls: now the stranger's words and name may show), then the stranger
 * injects plaintext, an http image and renames themself after a contact and
 * after the Kindertelefoon.
 */
function acceptedStranger(): AttackContext {
  const band: Band = "13-15";
  return {
    id: "accepted-stranger-13-15",
    variants: [
      { id: "control.accepted-request.message.13-15", door: "control", expected: "shown" },
      { id: "control.accepted-request.name.13-15", door: "control", expected: "shown" },
      {
        id: "integrity.plaintext-message.13-15",
        door: "integrity",
        expected: "not-a-normal-message",
      },
      {
        id: "integrity.plaintext-notice.13-15",
        door: "integrity",
        expected: "not-a-normal-message",
      },
      { id: "integrity.plaintext-edit.13-15", door: "integrity", expected: "not-a-normal-message" },
      { id: "media.image-http-url-after-accept.13-15", door: "media", expected: "hidden" },
      { id: "rename.accepted-stranger-as-contact.13-15", door: "rename", expected: "flagged" },
      {
        id: "rename.accepted-stranger-as-kindertelefoon.13-15",
        door: "rename",
        expected: "flagged",
      },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = await olmStranger(world);
      const c = {
        message: newCanary(),
        plain: newCanary(),
        notice: newCanary(),
        edit: newCanary(),
        image: newCanary(),
      };
      const first = await strangerDm(world, victim, stranger, message(c.message));
      label(first.roomId, "accepted stranger's chat");
      const tap = await victimTaps(victim, first.roomId);
      if (tap !== "accepted-after-safety-screen") {
        throw new Error(`a 13-15 could not accept a stranger's request: ${tap}`);
      }
      await messagesArrived(victim, first.roomId, [first.eventId]);
      await settle();
      // The controls first: later attacks (a plaintext edit) may change what the first message says.
      const accepted = await screensOnceShown(world, victim, [c.message, stranger.nameCanary]);
      record("control.accepted-request.message.13-15", shown(accepted, c.message));
      record("control.accepted-request.name.13-15", shown(accepted, stranger.nameCanary));
      const p1 = await rawSendEvent(stranger.raw, first.roomId, "m.room.message", {
        msgtype: "m.text",
        body: message(c.plain),
      });
      const p2 = await rawSendEvent(stranger.raw, first.roomId, "m.room.message", {
        msgtype: "m.notice",
        body: message(c.notice),
      });
      const p3 = await rawSendEvent(stranger.raw, first.roomId, "m.room.message", {
        msgtype: "m.text",
        body: `* ${message(c.edit)}`,
        "m.new_content": { msgtype: "m.text", body: message(c.edit) },
        "m.relates_to": { rel_type: "m.replace", event_id: first.eventId },
      });
      const image = await stranger.send(first.roomId, "m.room.message", {
        msgtype: "m.image",
        body: "foto.jpg",
        url: `http://198.51.100.7/${c.image}.jpg`,
        info: { mimetype: "image/jpeg", w: 640, h: 480 },
      });
      const after = await stranger.send(first.roomId, "m.room.message", {
        msgtype: "m.text",
        body: "tot zo",
      });
      await messagesArrived(victim, first.roomId, [p1, p2, p3, image, after]);
      await settle();
      const screens = victimScreens(world, victim);
      record("integrity.plaintext-message.13-15", notAsNormalMessage(screens, c.plain));
      record("integrity.plaintext-notice.13-15", notAsNormalMessage(screens, c.notice));
      record("integrity.plaintext-edit.13-15", notAsNormalMessage(screens, c.edit));
      record("media.image-http-url-after-accept.13-15", hidden(screens, c.image));

      // Renamed, in this chat only, to a contact's name; and in a second chat to a help service.
      const second = await strangerDm(world, victim, stranger, "nog een vraag");
      label(second.roomId, "accepted stranger's second chat");
      const tap2 = await victimTaps(victim, second.roomId);
      if (tap2 !== "accepted-after-safety-screen") {
        throw new Error(`a 13-15 could not accept a stranger's second request: ${tap2}`);
      }
      await rawSetRoomDisplayName(stranger.raw, first.roomId, world.lotte.name);
      await rawSetRoomDisplayName(stranger.raw, second.roomId, "Kindertelefoon");
      const marks = await Promise.all([
        stranger.send(first.roomId, "m.room.message", { msgtype: "m.text", body: "ik ben het" }),
        stranger.send(second.roomId, "m.room.message", { msgtype: "m.text", body: "hulp nodig?" }),
      ]);
      await messagesArrived(victim, first.roomId, [marks[0]]);
      await messagesArrived(victim, second.roomId, [marks[1]]);
      await syncedPast(world, victim);
      await settle();
      const renamed = victimScreens(world, victim);
      record(
        "rename.accepted-stranger-as-contact.13-15",
        showsIdOrWarns(
          screensOfRoom(renamed, first.roomId),
          world.lotte.name,
          stranger.idCanary,
          "contact",
        ),
      );
      record(
        "rename.accepted-stranger-as-kindertelefoon.13-15",
        showsIdOrWarns(
          screensOfRoom(renamed, second.roomId),
          "Kindertelefoon",
          stranger.idCanary,
          "help-service",
        ),
      );
    },
  };
}

/** The stranger's device makes an encrypted direct chat, invites, and writes once the invite is seen. */
async function strangerDm(
  world: World,
  victim: VictimDevice,
  stranger: OlmAttacker,
  text: string,
): Promise<{ roomId: string; eventId: string }> {
  const roomId = await rawCreateRoom(stranger.raw, {
    preset: "private_chat",
    is_direct: true,
    invite: [victim.userId],
    initial_state: [MEGOLM],
  });
  await stranger.inRoom(roomId);
  await stranger.sees(roomId, victim.userId, "invite");
  const eventId = await stranger.send(roomId, "m.room.message", { msgtype: "m.text", body: text });
  await arrived(victim, roomId);
  await syncedPast(world, victim);
  return { roomId, eventId };
}

// ---------------------------------------------------------------------------

type Judged = { readonly verification: AgeVerification | undefined };

/**
 * Forged, tampered, expired, someone else's, misdirected, replayed and
 * plaintext presentations, each claiming the victim's own band (the claim
 * that would make the attacker a peer). Then the attacker invites, and
 * floods the device with contact probes.
 */
function presentations(band: Band): AttackContext {
  const id = (what: string): string => `presentation.${what}.${band}`;
  const flood = `probe-flood.contact-probes.${band}`;
  return {
    id: `presentations-${band}`,
    variants: [
      { id: id("plaintext"), door: "presentation", expected: "ignored" },
      { id: id("self-issued"), door: "presentation", expected: "rejected:unknown-issuer" },
      { id: id("tampered-band"), door: "presentation", expected: "rejected:forged-signature" },
      { id: id("expired"), door: "presentation", expected: "rejected:expired" },
      { id: id("other-users"), door: "presentation", expected: "rejected:wrong-subject" },
      { id: id("misdirected"), door: "presentation", expected: "rejected:wrong-audience" },
      { id: id("replayed"), door: "presentation", expected: "rejected:replayed" },
      { id: id("invite-after-forgeries"), door: "presentation", expected: "unverified-request" },
      { id: flood, door: "probe-flood", expected: "at-most-10-of-40-answered" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const attacker = await olmStranger(world);
      const peerAccount = await registerAccount(`peer-${newCanary()}`, "Jip");
      const peer = await startOlmAttacker(peerAccount);
      world.onStop(peer.stop);
      const outcomes: { from: string; verification: AgeVerification }[] = [];
      const stopObserving = victim.protection.ages.observe((from, verification) => {
        outcomes.push({ from, verification });
      });
      try {
        const judge = async (
          from: OlmAttacker,
          presentation: unknown,
        ): Promise<Judged & { before: number }> => {
          const before = outcomes.filter((o) => o.from === from.userId).length;
          await sendPresentation(from, victim, presentation);
          const seen = await until(
            () => outcomes.filter((o) => o.from === from.userId)[before],
            `${victim.label}'s device to judge a presentation`,
          );
          return { verification: seen.verification, before };
        };
        const rejected = (judged: Judged, reason: string): Outcome => {
          const v = judged.verification;
          const known = victim.protection.ages.verifiedBand(attacker.userId);
          const observed = `${v === undefined ? "not judged" : v.verified ? `accepted as ${v.band}` : `rejected:${v.reason}`}${known === undefined ? "" : `; device now believes ${known.band}`}`;
          return {
            pass: v !== undefined && !v.verified && v.reason === reason && known === undefined,
            observed,
          };
        };

        // Plaintext first: never read. The next judged presentation must be the self-issued one.
        const fake = await createIssuerKeyPair();
        const holderCredentials = await genuineCredentials(world, attacker.userId, "18+");
        const selfIssued = await issueAttestation(fake, {
          userId: attacker.userId,
          band,
          holderKey: holderCredentials.holder.publicKey,
        });
        const selfIssuedPresentation = await createPresentation(
          holderCredentials.holder,
          selfIssued,
          { audienceUserId: victim.userId, now: Date.now() },
        );
        await rawSendToDevice(attacker.raw, AGE_PRESENTATION_TYPE, victim.userId, {
          presentation: selfIssuedPresentation,
          reply: true,
        });
        const second = await createPresentation(holderCredentials.holder, selfIssued, {
          audienceUserId: victim.userId,
          now: Date.now(),
        });
        const judgedSelfIssued = await judge(attacker, second);
        const fromAttacker = outcomes.filter((o) => o.from === attacker.userId);
        record(id("plaintext"), {
          pass: judgedSelfIssued.before === 0 && fromAttacker.length === 1,
          observed:
            judgedSelfIssued.before === 0
              ? "ignored (the next judged presentation was the Olm one)"
              : `read: ${String(judgedSelfIssued.before)} outcome(s) before the Olm one`,
        });
        record(id("self-issued"), rejected(judgedSelfIssued, "unknown-issuer"));

        const tampered = {
          ...holderCredentials.attestation,
          band,
        };
        record(
          id("tampered-band"),
          rejected(
            await judge(
              attacker,
              await createPresentation(holderCredentials.holder, tampered, {
                audienceUserId: victim.userId,
                now: Date.now(),
              }),
            ),
            "forged-signature",
          ),
        );

        const expired = await genuineCredentials(world, attacker.userId, band, {
          now: Date.now() - 40 * 24 * 60 * 60 * 1000,
          days: 30,
        });
        record(
          id("expired"),
          rejected(await judge(attacker, await presentationFor(expired, victim.userId)), "expired"),
        );

        const peerCredentials = await genuineCredentials(world, peer.userId, band);
        record(
          id("other-users"),
          rejected(
            await judge(attacker, await presentationFor(peerCredentials, victim.userId)),
            "wrong-subject",
          ),
        );

        record(
          id("misdirected"),
          rejected(
            await judge(attacker, await presentationFor(holderCredentials, world.lotte.userId)),
            "wrong-audience",
          ),
        );

        // A genuine peer's presentation, accepted once, then the same one again.
        const once = await presentationFor(peerCredentials, victim.userId);
        const first = await judge(peer, once);
        const again = await judge(peer, once);
        const v = again.verification;
        record(id("replayed"), {
          pass:
            first.verification?.verified === true &&
            v !== undefined &&
            !v.verified &&
            v.reason === "replayed",
          observed: `first ${first.verification?.verified === true ? "accepted" : "rejected"}, again ${v === undefined ? "not judged" : v.verified ? "accepted" : `rejected:${v.reason}`}`,
        });

        // After all that, the attacker's invitation is an unverified stranger's.
        const roomId = await rawCreateRoom(attacker.raw, {
          preset: "private_chat",
          is_direct: true,
          invite: [victim.userId],
          initial_state: [MEGOLM],
        });
        label(roomId, `forger's invitation (${band})`);
        await arrived(victim, roomId);

        // A burst of 40 contact probes; then one more presentation marks the end of the burst.
        const before = attacker.received.filter((m) => m.type === CONTACT_ANSWER_TYPE).length;
        await attacker.sendToDevice(
          victim.userId,
          CONTACT_PROBE_TYPE,
          Array.from({ length: 40 }, () => ({ probe_id: newCanary() })),
        );
        await judge(
          attacker,
          await createPresentation(holderCredentials.holder, selfIssued, {
            audienceUserId: victim.userId,
            now: Date.now(),
          }),
        );
        const answers = await quiet(
          () => attacker.received.filter((m) => m.type === CONTACT_ANSWER_TYPE).length - before,
        );
        record(flood, { pass: answers <= 10, observed: `${String(answers)} of 40 answered` });

        await syncedPast(world, victim);
        await settle();
        const opened = victimScreens(world, victim, { requestsOpened: true });
        const place = notNormal(opened, roomId);
        const room = JSON.stringify(screensOfRoom(opened, roomId).map((s) => s.snapshot));
        const unverified = room.includes("unverified-age");
        const nameHidden = hidden(victimScreens(world, victim), attacker.nameCanary);
        record(id("invite-after-forgeries"), {
          pass: place.pass && unverified && nameHidden.pass,
          observed: `${place.observed}; ${unverified ? "unverified-age notice" : "no unverified-age notice"}; name ${nameHidden.observed}`,
        });
      } finally {
        stopObserving();
      }
    },
  };
}

// ---------------------------------------------------------------------------

type LookAlike = { readonly id: string; readonly name: (world: World) => string };

const CONTACT_LOOK_ALIKES: readonly LookAlike[] = [
  { id: "heart", name: (w) => `${w.lotte.name} ❤️` },
  { id: "new-account", name: (w) => `${w.lotte.name} (nieuw account)` },
  { id: "matrix-id", name: (w) => w.lotte.userId },
  { id: "bidi-reversed", name: () => "\u202Eettol\u202C" },
  { id: "cherokee", name: () => "\u13DEotte" },
  { id: "armenian", name: () => "L\u0585tte" },
  { id: "stroked", name: () => "\u0141otte" },
  { id: "greek-capitals", name: () => "L\u039F\u03A4\u03A4\u0395" },
  { id: "tag-characters", name: () => "Lotte\u{E0020}\u{E0041}" },
  { id: "math-bold", name: () => "\u{1D40B}\u{1D428}\u{1D42D}\u{1D42D}\u{1D41E}" },
];

const HELP_LOOK_ALIKES: readonly LookAlike[] = [
  { id: "kindertelefoon-chat", name: () => "Kindertelefoon Chat" },
  { id: "team-kindertelefoon", name: () => "Team Kindertelefoon" },
  { id: "k1ndertelefoon", name: () => "K1ndertelefoon" },
  { id: "moderatie-team", name: () => "Moderatie Team" },
  { id: "politie-nl", name: () => "Politie NL" },
  { id: "meldpunt", name: () => "Meldpunt" },
  { id: "helpwanted", name: () => "Helpwanted.nl" },
];

/** Strangers named like a contact or a help service invite the minor; and a friend renames a group. */
function lookAlikes(band: Band): AttackContext {
  const contact = band === "13-15" ? CONTACT_LOOK_ALIKES : CONTACT_LOOK_ALIKES.slice(0, 1);
  const help = band === "13-15" ? HELP_LOOK_ALIKES : HELP_LOOK_ALIKES.slice(0, 1);
  const renamed = `look-alike.group-renamed-kindertelefoon-by-friend.${band}`;
  const variantOf = (kind: string, l: LookAlike): string => `look-alike.${kind}.${l.id}.${band}`;
  return {
    id: `look-alikes-${band}`,
    variants: [
      ...contact.map((l) => ({
        id: variantOf("contact", l),
        door: "look-alike" as const,
        expected: "flagged",
      })),
      ...help.map((l) => ({
        id: variantOf("help-service", l),
        door: "look-alike" as const,
        expected: "flagged",
      })),
      { id: renamed, door: "look-alike", expected: "flagged" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const invite = async (kind: "contact" | "help-service", l: LookAlike) => {
        const { raw } = await rawStranger(l.name(world));
        const roomId = await rawCreateRoom(raw, {
          preset: "private_chat",
          is_direct: true,
          invite: [victim.userId],
          initial_state: [MEGOLM],
        });
        label(roomId, `look-alike ${l.id} (${band})`);
        await arrived(victim, roomId);
        return { kind, l, roomId };
      };
      const invitations = await Promise.all([
        ...contact.map((l) => invite("contact", l)),
        ...help.map((l) => invite("help-service", l)),
      ]);
      // A friend's own group, renamed by the friend to a help service's name.
      const groupId = await world.lotte.session.createEncryptedGroup("Klas 2B", [victim.userId]);
      label(groupId, `friend's group renamed Kindertelefoon (${band})`);
      await arrived(victim, groupId);
      await victimTaps(victim, groupId);
      await rawSendState(world.lotte.raw, groupId, "m.room.name", "", { name: "Kindertelefoon" });
      await syncedPast(world, victim);
      await settle();
      const opened = victimScreens(world, victim, { requestsOpened: true });
      for (const { kind, l, roomId } of invitations) {
        record(variantOf(kind, l), flaggedAsLookAlike(screensOfRoom(opened, roomId), kind));
      }
      record(renamed, flaggedAsLookAlike(screensOfRoom(opened, groupId), "help-service"));
    },
  };
}

export function directContexts(): AttackContext[] {
  return [
    directInvitation("13-15"),
    directInvitation("8-12"),
    acceptedStranger(),
    presentations("13-15"),
    presentations("8-12"),
    lookAlikes("13-15"),
    lookAlikes("8-12"),
  ];
}
