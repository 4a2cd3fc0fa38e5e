// Attack suite, group doors: a friend is the door. Lotte (a contact made in
// person) invites the minor into a group where a stranger already is and has
// written; a friend adds a stranger to an existing chat and gives them power;
// a group goes public, takes knocks, is "upgraded" or renamed by the
// stranger; spaces; and everything a stranger in a group can send: edits,
// redactions, media, reactions, polls, state, plaintext.

import {
  rawBan,
  rawCreateRoom,
  rawInvite,
  rawJoinRoomOrAlias,
  rawKick,
  rawGetEvent,
  rawKnock,
  rawLeave,
  rawLogin,
  rawRedact,
  rawSendEvent,
  rawSendState,
  rawSetPowerLevel,
  rawSetRoomDisplayName,
  rawUpgradeRoom,
} from "../../../../../tools/lib/rawMatrix.ts";
import { testHomeserver, until } from "../../support.ts";
import { registerAccount } from "../actors.ts";
import { presentGenuineBand } from "../age.ts";
import {
  afterTap,
  announced,
  arrived,
  expectAfterTap,
  expectUntilOpened,
  flaggedAsLookAlike,
  hidden,
  hiddenUntilOpened,
  message,
  messagesArrived,
  newCanary,
  noHiddenCharacters,
  notAsNormalMessage,
  noticeIds,
  notNormal,
  olmStranger,
  screensOfRoom,
  screensOnceShown,
  settle,
  showsIdOrWarns,
  shown,
  stillListed,
  syncedPast,
  victimScreens,
  victimTaps,
  type AttackContext,
  type Band,
  type FriendDevice,
  type Outcome,
  type Screen,
  type Stranger,
  type VictimDevice,
  type World,
} from "../harness.ts";

const MEGOLM = {
  type: "m.room.encryption",
  state_key: "",
  content: { algorithm: "m.megolm.v1.aes-sha2" },
};
const server = testHomeserver.serverName;

/** The friend makes a group with the minor, who joins it from the chat list. */
async function friendsGroup(
  friend: FriendDevice,
  victim: VictimDevice,
  name: string,
): Promise<string> {
  const roomId = await friend.session.createEncryptedGroup(name, [victim.userId]);
  await arrived(victim, roomId);
  const tap = await victimTaps(victim, roomId);
  if (tap !== "joined-normal-invitation" && tap !== "accepted-after-safety-screen") {
    throw new Error(`${victim.label} could not join a friend's group: ${tap}`);
  }
  return roomId;
}

/** The friend invites the stranger, gives them full power, and the stranger joins. */
async function friendAdds(friend: FriendDevice, roomId: string, stranger: Stranger): Promise<void> {
  await rawInvite(friend.raw, roomId, stranger.userId);
  await rawSetPowerLevel(friend.raw, roomId, stranger.userId, 100);
  await rawJoinRoomOrAlias(stranger.raw, roomId);
  await stranger.inRoom(roomId);
}

/** A friend's message: marks a point in the room's timeline that nothing may hide. */
async function friendSays(friend: FriendDevice, roomId: string, text: string): Promise<string> {
  return friend.session.sendText(roomId, text);
}

/** The notices on the room's own screens now. */
function roomNotices(world: World, victim: VictimDevice, roomId: string): Set<string> {
  return noticeIds(screensOfRoom(victimScreens(world, victim), roomId));
}

/** A gap in the timeline would hide events from the oracle: then nothing was observed. */
function unlessGap(
  victim: VictimDevice,
  roomId: string,
  brackets: readonly string[],
  outcome: Outcome,
): Outcome {
  return stillListed(victim, roomId, brackets)
    ? outcome
    : { pass: false, observed: `timeline gap on the device: not observed (${outcome.observed})` };
}

const text = (body: string): Record<string, unknown> => ({ msgtype: "m.text", body });

// ---------------------------------------------------------------------------

/** The stranger made and named the group, invited Lotte, and wrote; Lotte invites the minor. */
function groupMadeByStranger(band: Band): AttackContext {
  const id = (what: string): string => `group-invite.stranger-made.${what}.${band}`;
  const editOfFriend = `edit.accepted-stranger-edits-friends-message.${band}`;
  const renamedAsFriend = `rename.accepted-stranger-as-contact-in-group.${band}`;
  const invisible = `names.bidi-and-invisible-characters-after-accept.${band}`;
  const untilOpened = expectUntilOpened(band);
  return {
    id: `group-made-by-stranger-${band}`,
    variants: [
      { id: id("not-a-normal-invitation"), door: "group-invite", expected: "not-a-normal-chat" },
      { id: id("room-name"), door: "group-invite", expected: untilOpened },
      { id: id("topic"), door: "group-invite", expected: untilOpened },
      { id: id("room-avatar"), door: "group-invite", expected: untilOpened },
      { id: id("creator-id"), door: "group-invite", expected: untilOpened },
      { id: id("member-name"), door: "group-invite", expected: untilOpened },
      { id: id("message-after-tap"), door: "group-invite", expected: expectAfterTap(band) },
      { id: id("member-name-after-tap"), door: "group-invite", expected: expectAfterTap(band) },
      ...(band === "13-15"
        ? [
            { id: editOfFriend, door: "edit" as const, expected: "never-as-the-friends-words" },
            { id: renamedAsFriend, door: "rename" as const, expected: "flagged" },
            { id: invisible, door: "names" as const, expected: "no-bidi-or-invisible-characters" },
          ]
        : []),
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = await olmStranger(world);
      const c = {
        name: newCanary(),
        topic: newCanary(),
        avatar: newCanary(),
        member: newCanary(),
        message: newCanary(),
      };
      const roomId = await rawCreateRoom(stranger.raw, {
        preset: "private_chat",
        name: message(c.name),
        topic: message(c.topic),
        invite: [world.lotte.userId],
        initial_state: [
          MEGOLM,
          { type: "m.room.avatar", state_key: "", content: { url: `mxc://${server}/${c.avatar}` } },
        ],
      });
      label(roomId, `stranger's group (${band})`);
      await stranger.inRoom(roomId);
      await rawSetRoomDisplayName(stranger.raw, roomId, message(c.member));
      await stranger.send(roomId, "m.room.message", text("wie komt er zaterdag?"));
      await world.lotte.session.join(roomId);
      await rawInvite(world.lotte.raw, roomId, victim.userId);
      await stranger.sees(roomId, victim.userId, "invite");
      const written = await stranger.send(roomId, "m.room.message", text(message(c.message)));
      await arrived(victim, roomId);
      await syncedPast(world, victim);
      await settle();
      const unopened = victimScreens(world, victim);
      const opened = victimScreens(world, victim, { requestsOpened: true });
      record(id("not-a-normal-invitation"), notNormal(unopened, roomId));
      record(id("room-name"), hiddenUntilOpened(band, unopened, opened, c.name, roomId));
      record(id("topic"), hiddenUntilOpened(band, unopened, opened, c.topic, roomId));
      record(id("room-avatar"), hiddenUntilOpened(band, unopened, opened, c.avatar, roomId));
      record(
        id("creator-id"),
        hiddenUntilOpened(band, unopened, opened, stranger.idCanary, roomId),
      );
      record(id("member-name"), hiddenUntilOpened(band, unopened, opened, c.member, roomId));

      const tap = await victimTaps(victim, roomId);
      if (tap === "joined-normal-invitation" || tap === "accepted-after-safety-screen") {
        await messagesArrived(victim, roomId, [written]);
      }
      await settle();
      const after = victimScreens(world, victim);
      record(id("message-after-tap"), afterTap(band, tap, after, c.message, roomId));
      record(id("member-name-after-tap"), afterTap(band, tap, after, c.member, roomId));
      if (band !== "13-15") return;

      // Now that the minor chose to see the stranger, the stranger "edits" the friend's message.
      if (tap !== "accepted-after-safety-screen") {
        record(editOfFriend, { pass: false, observed: `not played: the 13-15 ${tap}` });
        record(renamedAsFriend, { pass: false, observed: `not played: the 13-15 ${tap}` });
        record(invisible, { pass: false, observed: `not played: the 13-15 ${tap}` });
        return;
      }
      const edited = newCanary();
      const friends = await friendSays(world.lotte, roomId, "Ik neem taart mee");
      await messagesArrived(victim, roomId, [friends]);
      const edit = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.text",
        body: `* ${message(edited)}`,
        "m.new_content": text(message(edited)),
        "m.relates_to": { rel_type: "m.replace", event_id: friends },
      });
      await messagesArrived(victim, roomId, [edit]);
      await settle();
      record(
        editOfFriend,
        notAttributedTo(victimScreens(world, victim), edited, world.lotte.userId),
      );

      // Names the minor may now see, full of characters that reorder or hide text.
      const tricky = { member: newCanary(), room: newCanary() };
      await rawSetRoomDisplayName(
        stranger.raw,
        roomId,
        `\u202Eettol\u202C \u200B${tricky.member}\u{E0041}`,
      );
      await rawSendState(stranger.raw, roomId, "m.room.name", "", {
        name: `Klas\u2066 ${tricky.room}\u2069\u{E0020}\u200F`,
      });
      const named = await stranger.send(roomId, "m.room.message", text("nieuwe naam"));
      await messagesArrived(victim, roomId, [named]);
      await settle();
      record(
        invisible,
        noHiddenCharacters(victimScreens(world, victim), [tricky.member, tricky.room]),
      );

      // Then calls themself "Lotte" in this group, where the real Lotte is too.
      await rawSetRoomDisplayName(stranger.raw, roomId, world.lotte.name);
      const asLotte = await stranger.send(roomId, "m.room.message", text("ik ben het, Lotte"));
      await messagesArrived(victim, roomId, [asLotte]);
      await settle();
      record(
        renamedAsFriend,
        showsIdOrWarns(
          screensOfRoom(victimScreens(world, victim), roomId),
          world.lotte.name,
          stranger.idCanary,
          "contact",
        ),
      );
    },
  };
}

/** The canary may show as the stranger's words, never in a row that says the friend wrote it. */
function notAttributedTo(screens: readonly Screen[], canary: string, userId: string): Outcome {
  const rows: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record["body"] === "string") {
        rows.push(JSON.stringify(record));
        return;
      }
      for (const child of Object.values(record)) walk(child);
    }
  };
  for (const screen of screens) walk(screen.snapshot);
  const withCanary = rows.filter((row) => row.includes(canary));
  const asFriend = withCanary.filter((row) => row.includes(userId));
  return {
    pass: asFriend.length === 0,
    observed:
      asFriend.length > 0
        ? "shown as the friend's message"
        : withCanary.length > 0
          ? "shown as the stranger's own message"
          : "not shown",
  };
}

/**
 * The stranger's group, but Lotte's invitation says "direct chat": the
 * minor would see "Lotte wants to chat" while a stranger is inside.
 */
function groupDisguisedAsDirect(band: Band): AttackContext {
  const id = `group-invite.disguised-as-direct.${band}`;
  return {
    id: `group-disguised-as-direct-${band}`,
    variants: [{ id, door: "group-invite", expected: "not-a-normal-chat" }],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = await olmStranger(world);
      const roomId = await rawCreateRoom(stranger.raw, {
        preset: "private_chat",
        invite: [world.lotte.userId],
        initial_state: [MEGOLM],
      });
      label(roomId, `stranger's room, "direct" invitation from Lotte (${band})`);
      await rawJoinRoomOrAlias(world.lotte.raw, roomId);
      await rawSendState(world.lotte.raw, roomId, "m.room.member", victim.userId, {
        membership: "invite",
        is_direct: true,
      });
      await arrived(victim, roomId);
      await syncedPast(world, victim);
      await settle();
      record(id, notNormal(victimScreens(world, victim), roomId));
    },
  };
}

/** Lotte's own group, with a verified adult she added, who has written; she invites the minor. */
function groupMadeByFriend(band: Band): AttackContext {
  const id = (what: string): string => `group-invite.friend-made.${what}.${band}`;
  const untilOpened = expectUntilOpened(band);
  return {
    id: `group-made-by-friend-${band}`,
    variants: [
      { id: id("not-a-normal-invitation"), door: "group-invite", expected: "not-a-normal-chat" },
      { id: id("member-name"), door: "group-invite", expected: untilOpened },
      { id: id("member-id"), door: "group-invite", expected: untilOpened },
      { id: id("message-after-tap"), door: "group-invite", expected: expectAfterTap(band) },
      { id: id("member-name-after-tap"), door: "group-invite", expected: expectAfterTap(band) },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const adult = await olmStranger(world);
      await presentGenuineBand(world, adult, victim, "18+");
      const c = { member: newCanary(), message: newCanary() };
      const roomId = await world.lotte.session.createEncryptedGroup("Verjaardag Lotte", [
        adult.userId,
      ]);
      label(roomId, `friend's group with a verified adult (${band})`);
      await rawJoinRoomOrAlias(adult.raw, roomId);
      await adult.inRoom(roomId);
      await rawSetRoomDisplayName(adult.raw, roomId, message(c.member));
      await adult.send(roomId, "m.room.message", text("leuk dat jullie er zijn"));
      await rawInvite(world.lotte.raw, roomId, victim.userId);
      await adult.sees(roomId, victim.userId, "invite");
      const written = await adult.send(roomId, "m.room.message", text(message(c.message)));
      await arrived(victim, roomId);
      await syncedPast(world, victim);
      await settle();
      const unopened = victimScreens(world, victim);
      const opened = victimScreens(world, victim, { requestsOpened: true });
      record(id("not-a-normal-invitation"), notNormal(unopened, roomId));
      record(id("member-name"), hiddenUntilOpened(band, unopened, opened, c.member, roomId));
      record(id("member-id"), hiddenUntilOpened(band, unopened, opened, adult.idCanary, roomId));

      const tap = await victimTaps(victim, roomId);
      if (tap === "joined-normal-invitation" || tap === "accepted-after-safety-screen") {
        await messagesArrived(victim, roomId, [written]);
      }
      await settle();
      const after = victimScreens(world, victim);
      record(id("message-after-tap"), afterTap(band, tap, after, c.message, roomId));
      record(id("member-name-after-tap"), afterTap(band, tap, after, c.member, roomId));
    },
  };
}

// ---------------------------------------------------------------------------

/**
 * Lotte adds the roaming stranger to her group with the minor and gives them
 * full power; the stranger writes, edits, redacts, injects plaintext, and
 * finally removes the minor with a reason.
 */
function strangerAddedToGroup(band: Band): AttackContext {
  const id = (door: string, what: string): string => `${door}.${what}.${band}`;
  return {
    id: `stranger-added-to-group-${band}`,
    variants: [
      { id: id("member-added", "group.announced"), door: "member-added", expected: "announced" },
      { id: id("member-added", "group.message"), door: "member-added", expected: "hidden" },
      { id: id("member-added", "group.member-name"), door: "member-added", expected: "hidden" },
      { id: id("edit", "of-friends-message"), door: "edit", expected: "hidden" },
      { id: id("edit", "of-own-message"), door: "edit", expected: "hidden" },
      { id: id("redaction", "reason"), door: "redaction", expected: "hidden" },
      { id: id("redaction", "of-friends-message-reason"), door: "redaction", expected: "hidden" },
      { id: id("integrity", "plaintext-in-group"), door: "integrity", expected: "hidden" },
      { id: id("media", "formatted-body"), door: "media", expected: "hidden" },
      { id: id("kick", "minor-removed-with-reason"), door: "kick", expected: "hidden" },
      { id: id("kick", "reinvited-by-stranger"), door: "kick", expected: "not-a-normal-chat" },
      { id: id("kick", "minor-banned-with-reason"), door: "kick", expected: "hidden" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const c = {
        member: newCanary(),
        message: newCanary(),
        editFriend: newCanary(),
        editOwn: newCanary(),
        redact: newCanary(),
        redactFriend: newCanary(),
        plain: newCanary(),
        html: newCanary(),
        ban: newCanary(),
        kick: newCanary(),
      };
      const roomId = await friendsGroup(lotte, victim, "Klas 2B");
      label(roomId, `friend's group, stranger added (${band})`);
      const hello = await friendSays(lotte, roomId, "Hoi allemaal");
      const second = await friendSays(lotte, roomId, "Wie heeft het huiswerk?");
      await messagesArrived(victim, roomId, [hello, second]);
      const before = roomNotices(world, victim, roomId);

      await friendAdds(lotte, roomId, stranger);
      const s1 = await friendSays(lotte, roomId, "Dit is mijn neef");
      await rawSetRoomDisplayName(stranger.raw, roomId, message(c.member));
      const written = await stranger.send(roomId, "m.room.message", text(message(c.message)));
      const editFriend = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.text",
        body: `* ${message(c.editFriend)}`,
        "m.new_content": text(message(c.editFriend)),
        "m.relates_to": { rel_type: "m.replace", event_id: hello },
      });
      const own = await stranger.send(roomId, "m.room.message", text("hoi"));
      const editOwn = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.text",
        body: `* ${message(c.editOwn)}`,
        "m.new_content": text(message(c.editOwn)),
        "m.relates_to": { rel_type: "m.replace", event_id: own },
      });
      const oops = await stranger.send(roomId, "m.room.message", text("oeps"));
      await rawRedact(stranger.raw, roomId, oops, message(c.redact));
      await rawRedact(stranger.raw, roomId, second, message(c.redactFriend));
      const plain = await rawSendEvent(
        stranger.raw,
        roomId,
        "m.room.message",
        text(message(c.plain)),
      );
      const html = await stranger.send(roomId, "m.room.message", {
        msgtype: "m.text",
        body: "hoi",
        format: "org.matrix.custom.html",
        formatted_body: `<b>${message(c.html)}</b>`,
      });
      const s2 = await friendSays(lotte, roomId, "Tot morgen");
      await messagesArrived(victim, roomId, [s1, written, editFriend, editOwn, plain, html, s2]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      const brackets = [s1, s2];
      const judged = (outcome: Outcome): Outcome => unlessGap(victim, roomId, brackets, outcome);
      record(
        id("member-added", "group.announced"),
        announced(before, noticeIds(screensOfRoom(screens, roomId))),
      );
      record(id("member-added", "group.message"), judged(hidden(screens, c.message)));
      record(id("member-added", "group.member-name"), judged(hidden(screens, c.member)));
      record(id("edit", "of-friends-message"), judged(hidden(screens, c.editFriend)));
      record(id("edit", "of-own-message"), judged(hidden(screens, c.editOwn)));
      record(id("redaction", "reason"), judged(hidden(screens, c.redact)));
      record(id("redaction", "of-friends-message-reason"), judged(hidden(screens, c.redactFriend)));
      record(id("integrity", "plaintext-in-group"), judged(hidden(screens, c.plain)));
      record(id("media", "formatted-body"), judged(hidden(screens, c.html)));

      // The stranger (with the friend's power) removes the minor, then bans her, each with a reason.
      await rawKick(stranger.raw, roomId, victim.userId, message(c.kick));
      await until(
        () => !victim.session.chats.some((chat) => chat.roomId === roomId),
        `${victim.label} to be out of the group`,
      );
      await syncedPast(world, victim);
      await settle();
      record(id("kick", "minor-removed-with-reason"), hidden(victimScreens(world, victim), c.kick));
      // Back in, by the stranger's invitation to the friend's group.
      await rawInvite(stranger.raw, roomId, victim.userId);
      await syncedPast(world, victim);
      await settle();
      record(id("kick", "reinvited-by-stranger"), notNormal(victimScreens(world, victim), roomId));
      await rawBan(stranger.raw, roomId, victim.userId, message(c.ban));
      await syncedPast(world, victim);
      await settle();
      record(id("kick", "minor-banned-with-reason"), hidden(victimScreens(world, victim), c.ban));
    },
  };
}

/** The stranger, added with power, renames the group and sends every kind of event. */
function strangerRenamesAndSends(band: Band): AttackContext {
  const id = (door: string, what: string): string => `${door}.${what}.${band}`;
  const kinds = [
    ["rename", "room-name"],
    ["rename", "topic"],
    ["rename", "room-avatar"],
    ["rename", "custom-state-event"],
    ["media", "image-http-url"],
    ["media", "file-name"],
    ["media", "notice"],
    ["media", "emote"],
    ["media", "location"],
    ["media", "sticker"],
    ["media", "poll"],
    ["media", "reaction-key"],
    ["rename", "power-levels-naming-a-fake-user"],
    ["space", "child-room-name"],
    ["space", "parent-space-name"],
  ] as const;
  const redactedEncryption = id("integrity", "encryption-event-redacted");
  const changedEncryption = id("integrity", "encryption-changed-to-none");
  return {
    id: `stranger-renames-and-sends-${band}`,
    variants: [
      ...kinds.map(([door, what]) => ({ id: id(door, what), door, expected: "hidden" })),
      { id: redactedEncryption, door: "integrity", expected: "minor-still-encrypts" },
      { id: changedEncryption, door: "integrity", expected: "minor-still-encrypts" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const c = Object.fromEntries(kinds.map(([, what]) => [what, newCanary()])) as Record<
        (typeof kinds)[number][1],
        string
      >;
      const roomId = await friendsGroup(lotte, victim, "Voetbalteam");
      label(roomId, `friend's group, stranger renames (${band})`);
      await friendAdds(lotte, roomId, stranger);
      const s1 = await friendSays(lotte, roomId, "Training om 4 uur");
      const r = stranger.raw;
      await rawSendState(r, roomId, "m.room.name", "", { name: message(c["room-name"]) });
      await rawSendState(r, roomId, "m.room.topic", "", { topic: message(c.topic) });
      await rawSendState(r, roomId, "m.room.avatar", "", {
        url: `mxc://${server}/${c["room-avatar"]}`,
      });
      await rawSendState(r, roomId, "org.example.note", "", {
        text: message(c["custom-state-event"]),
      });
      const send = (type: string, content: Record<string, unknown>) =>
        stranger.send(roomId, type, content);
      const messages = [
        await send("m.room.message", {
          msgtype: "m.image",
          body: "foto.jpg",
          url: `http://198.51.100.7/${c["image-http-url"]}.jpg`,
          info: { mimetype: "image/jpeg" },
        }),
        await send("m.room.message", {
          msgtype: "m.file",
          body: `${message(c["file-name"])}.pdf`,
          filename: `${message(c["file-name"])}.pdf`,
          url: `mxc://${server}/bestand`,
        }),
        await send("m.room.message", { msgtype: "m.notice", body: message(c.notice) }),
        await send("m.room.message", { msgtype: "m.emote", body: message(c.emote) }),
        await send("m.room.message", {
          msgtype: "m.location",
          body: message(c.location),
          geo_uri: "geo:52.09,5.12",
        }),
      ];
      await send("m.sticker", {
        body: message(c.sticker),
        url: `mxc://${server}/sticker`,
        info: { mimetype: "image/png" },
      });
      await send("m.poll.start", {
        "m.poll": {
          kind: "m.disclosed",
          max_selections: 1,
          question: { "m.text": [{ body: message(c.poll) }] },
          answers: [{ "m.id": "ja", "m.text": [{ body: "ja" }] }],
        },
        "m.text": [{ body: message(c.poll) }],
      });
      await send("m.reaction", {
        "m.relates_to": { rel_type: "m.annotation", event_id: s1, key: message(c["reaction-key"]) },
      });
      const child = await rawCreateRoom(r, {
        preset: "private_chat",
        name: message(c["child-room-name"]),
        initial_state: [MEGOLM],
      });
      await rawSendState(r, roomId, "m.space.child", child, { via: [server] });
      const parent = await rawCreateRoom(r, {
        preset: "private_chat",
        name: message(c["parent-space-name"]),
        creation_content: { type: "m.space" },
      });
      await rawSendState(r, roomId, "m.space.parent", parent, { via: [server], canonical: true });
      await rawSetPowerLevel(r, roomId, `@${c["power-levels-naming-a-fake-user"]}:${server}`, 100);
      const s2 = await friendSays(lotte, roomId, "Tot straks");
      await messagesArrived(victim, roomId, [s1, ...messages, s2]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      for (const [door, what] of kinds) {
        record(id(door, what), unlessGap(victim, roomId, [s1, s2], hidden(screens, c[what])));
      }

      // The stranger (with power) tries to switch the room's encryption off; the minor then writes.
      const encryption = await rawGetEventId(lotte, roomId, "m.room.encryption");
      await rawRedact(r, roomId, encryption, "opruimen");
      record(redactedEncryption, await minorStillEncrypts(world, victim, roomId));
      await rawSendState(r, roomId, "m.room.encryption", "", { algorithm: "m.none" });
      record(changedEncryption, await minorStillEncrypts(world, victim, roomId));
    },
  };
}

/** The state event's ID, as the server has it. */
async function rawGetEventId(friend: FriendDevice, roomId: string, type: string): Promise<string> {
  const state = (await (
    await fetch(
      `${testHomeserver.url}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state`,
      { headers: { authorization: `Bearer ${friend.credentials.accessToken}` } },
    )
  ).json()) as { type: string; state_key: string; event_id: string }[];
  const event = state.find((e) => e.type === type && e.state_key === "");
  if (event === undefined) throw new Error(`no ${type} in ${roomId}`);
  return event.event_id;
}

/** After the state change reached the minor's device, what she writes is still stored encrypted. */
async function minorStillEncrypts(
  world: World,
  victim: VictimDevice,
  roomId: string,
): Promise<Outcome> {
  await syncedPast(world, victim);
  await settle();
  let eventId: string;
  try {
    eventId = await victim.session.sendText(roomId, "gaat dit nog geheim?");
  } catch (error) {
    return { pass: true, observed: `refused to send: ${String(error)}` };
  }
  const stored = await rawGetEvent(world.lotte.raw, roomId, eventId);
  return {
    pass: stored.type === "m.room.encrypted",
    observed:
      stored.type === "m.room.encrypted"
        ? "stored encrypted"
        : `stored as ${stored.type} in plaintext`,
  };
}

/** Mila adds the stranger to her in-person direct chat with the minor (she has full power there). */
function strangerAddedToDirectChat(band: Band): AttackContext {
  const id = (what: string): string => `member-added.in-person-chat.${what}.${band}`;
  const renamed = `look-alike.chat-renamed-to-contact-by-stranger.${band}`;
  return {
    id: `stranger-added-to-direct-chat-${band}`,
    variants: [
      { id: id("announced"), door: "member-added", expected: "announced" },
      { id: id("message"), door: "member-added", expected: "hidden" },
      { id: id("member-name"), door: "member-added", expected: "hidden" },
      { id: renamed, door: "look-alike", expected: "flagged-or-hidden" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const mila = world.mila;
      const roomId = victim.friendDms.get(mila.userId);
      if (roomId === undefined) throw new Error(`${victim.label} has no chat with Mila`);
      label(roomId, `in-person chat with Mila (${band})`);
      const c = { member: newCanary(), message: newCanary() };
      const s0 = await friendSays(mila, roomId, "Hoi!");
      await messagesArrived(victim, roomId, [s0]);
      const before = roomNotices(world, victim, roomId);
      await friendAdds(mila, roomId, stranger);
      const s1 = await friendSays(mila, roomId, "Ik heb iemand toegevoegd");
      await rawSetRoomDisplayName(stranger.raw, roomId, message(c.member));
      const written = await stranger.send(roomId, "m.room.message", text(message(c.message)));
      await rawSendState(stranger.raw, roomId, "m.room.name", "", { name: world.lotte.name });
      const s2 = await friendSays(mila, roomId, "Doei");
      await messagesArrived(victim, roomId, [s1, written, s2]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      const judged = (outcome: Outcome): Outcome => unlessGap(victim, roomId, [s1, s2], outcome);
      record(id("announced"), announced(before, noticeIds(screensOfRoom(screens, roomId))));
      record(id("message"), judged(hidden(screens, c.message)));
      record(id("member-name"), judged(hidden(screens, c.member)));
      const room = screensOfRoom(screens, roomId);
      const warned = flaggedAsLookAlike(room, "contact");
      const titled = JSON.stringify(room[0]?.snapshot ?? []).includes(`"${world.lotte.name}"`);
      record(renamed, {
        pass: warned.pass || !titled,
        observed: warned.pass
          ? warned.observed
          : titled
            ? `chat listed as "${world.lotte.name}" without a warning`
            : "the stranger's name for the chat is not shown",
      });
    },
  };
}

/** Lotte's group without a name: its title is made of the members' names, the stranger's too. */
function strangerInUnnamedGroup(band: Band): AttackContext {
  const id = `member-added.unnamed-group-title.${band}`;
  const invited = `member-added.invited-not-joined.name.${band}`;
  return {
    id: `stranger-in-unnamed-group-${band}`,
    variants: [
      { id, door: "member-added", expected: "hidden" },
      { id: invited, door: "member-added", expected: "hidden" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const roomId = await rawCreateRoom(lotte.raw, {
        preset: "private_chat",
        invite: [victim.userId],
        initial_state: [MEGOLM],
      });
      label(roomId, `friend's unnamed group (${band})`);
      await arrived(victim, roomId);
      const tap = await victimTaps(victim, roomId);
      if (tap !== "joined-normal-invitation" && tap !== "accepted-after-safety-screen") {
        throw new Error(`${victim.label} could not join a friend's group: ${tap}`);
      }
      await until(() => lotte.session.chats.some((chat) => chat.roomId === roomId), "Lotte's room");
      const member = newCanary();
      await friendAdds(lotte, roomId, stranger);
      await rawSetRoomDisplayName(stranger.raw, roomId, message(member));
      // And someone she only invited: their profile name is in the invitation's member event.
      const invitedName = newCanary();
      const guest = await registerAccount(`guest-${newCanary()}`, message(invitedName));
      await rawInvite(lotte.raw, roomId, guest.userId);
      const s1 = await friendSays(lotte, roomId, "Zonder naam");
      await messagesArrived(victim, roomId, [s1]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      record(id, hidden(screens, member));
      record(invited, hidden(screens, invitedName));
    },
  };
}

/**
 * An old group: the minor's own record says she has been in it for 8 days.
 * The stranger appears now: a notice window must run from the stranger's
 * arrival, not from the minor's. The roaming stranger's own ID and display
 * name (canaries) are judged here too, over every room it entered.
 */
function strangerAddedToOldGroup(band: Band): AttackContext {
  const id = (what: string): string => `member-added.old-group.${what}.${band}`;
  return {
    id: `stranger-added-to-old-group-${band}`,
    variants: [
      { id: id("announced"), door: "member-added", expected: "announced" },
      { id: `names.roaming-stranger-display-name.${band}`, door: "names", expected: "hidden" },
      { id: `names.roaming-stranger-id.${band}`, door: "names", expected: "hidden" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const roomId = await friendsGroup(lotte, victim, "Oude klas");
      label(roomId, `old group (${band})`);
      const eightDaysAgo = Date.now() - 8 * 24 * 60 * 60 * 1000;
      await victim.session.recordConversationOrigin(roomId, "accepted-request", eightDaysAgo);
      await until(
        () => victim.session.conversationOrigin(roomId)?.acceptedAt === eightDaysAgo,
        "the minor's backdated record",
      );
      const s0 = await friendSays(lotte, roomId, "Lang niet gesproken!");
      await messagesArrived(victim, roomId, [s0]);
      const before = roomNotices(world, victim, roomId);
      await friendAdds(lotte, roomId, stranger);
      const written = await stranger.send(roomId, "m.room.message", text("hallo allemaal"));
      const s1 = await friendSays(lotte, roomId, "Welkom");
      await messagesArrived(victim, roomId, [written, s1]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      record(id("announced"), announced(before, noticeIds(screensOfRoom(screens, roomId))));
      record(`names.roaming-stranger-display-name.${band}`, hidden(screens, stranger.nameCanary));
      record(`names.roaming-stranger-id.${band}`, hidden(screens, stranger.idCanary));
    },
  };
}

/** Lotte's group is public with an alias: the stranger walks in. */
function publicRoom(band: Band): AttackContext {
  const id = (what: string): string => `public-room.${what}.${band}`;
  return {
    id: `public-room-${band}`,
    variants: [
      { id: id("announced"), door: "public-room", expected: "announced" },
      { id: id("message"), door: "public-room", expected: "hidden" },
      { id: id("member-name"), door: "public-room", expected: "hidden" },
      { id: id("joined-wrote-left"), door: "public-room", expected: "hidden" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const alias = `open-${newCanary()}`;
      const roomId = await rawCreateRoom(lotte.raw, {
        preset: "public_chat",
        name: "Open groep",
        room_alias_name: alias,
        invite: [victim.userId],
        initial_state: [MEGOLM],
      });
      label(roomId, `friend's public group (${band})`);
      await arrived(victim, roomId);
      const tap = await victimTaps(victim, roomId);
      if (tap !== "joined-normal-invitation" && tap !== "accepted-after-safety-screen") {
        throw new Error(`${victim.label} could not join a friend's group: ${tap}`);
      }
      await until(() => lotte.session.chats.some((chat) => chat.roomId === roomId), "Lotte's room");
      const s0 = await friendSays(lotte, roomId, "Iedereen welkom");
      await messagesArrived(victim, roomId, [s0]);
      const before = roomNotices(world, victim, roomId);
      const c = { member: newCanary(), message: newCanary() };
      await rawJoinRoomOrAlias(stranger.raw, `#${alias}:${server}`);
      await stranger.inRoom(roomId);
      await rawSetRoomDisplayName(stranger.raw, roomId, message(c.member));
      const written = await stranger.send(roomId, "m.room.message", text(message(c.message)));
      // Hit and run: another stranger walks in, writes, and is gone before anyone looks.
      const runner = await olmStranger(world);
      const hit = newCanary();
      await rawJoinRoomOrAlias(runner.raw, `#${alias}:${server}`);
      await runner.inRoom(roomId);
      await runner.sees(roomId, victim.userId, "join");
      const ran = await runner.send(roomId, "m.room.message", text(message(hit)));
      await rawLeave(runner.raw, roomId);
      const s1 = await friendSays(lotte, roomId, "Hoi nieuwe");
      await messagesArrived(victim, roomId, [written, ran, s1]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      const judged = (outcome: Outcome): Outcome => unlessGap(victim, roomId, [s0, s1], outcome);
      record(id("announced"), announced(before, noticeIds(screensOfRoom(screens, roomId))));
      record(id("message"), judged(hidden(screens, c.message)));
      record(id("member-name"), judged(hidden(screens, c.member)));
      record(id("joined-wrote-left"), judged(hidden(screens, hit)));
    },
  };
}

/** Lotte's group takes knocks: the stranger knocks with a reason, Lotte lets them in. */
function knock(band: Band): AttackContext {
  const id = (what: string): string => `knock.${what}.${band}`;
  return {
    id: `knock-${band}`,
    variants: [
      { id: id("reason"), door: "knock", expected: "hidden" },
      { id: id("announced"), door: "knock", expected: "announced" },
      { id: id("member-name"), door: "knock", expected: "hidden" },
      { id: id("message"), door: "knock", expected: "hidden" },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const roomId = await friendsGroup(lotte, victim, "Bandje");
      label(roomId, `friend's group that takes knocks (${band})`);
      await rawSendState(lotte.raw, roomId, "m.room.join_rules", "", { join_rule: "knock" });
      const s0 = await friendSays(lotte, roomId, "Wie wil erbij?");
      await messagesArrived(victim, roomId, [s0]);
      const before = roomNotices(world, victim, roomId);
      const c = { reason: newCanary(), member: newCanary(), message: newCanary() };
      await rawKnock(stranger.raw, roomId, message(c.reason));
      const s1 = await friendSays(lotte, roomId, "Er klopt iemand");
      await messagesArrived(victim, roomId, [s1]);
      await syncedPast(world, victim);
      await settle();
      record(id("reason"), hidden(victimScreens(world, victim), c.reason));

      await rawInvite(lotte.raw, roomId, stranger.userId);
      await rawJoinRoomOrAlias(stranger.raw, roomId);
      await stranger.inRoom(roomId);
      await rawSetRoomDisplayName(stranger.raw, roomId, message(c.member));
      const written = await stranger.send(roomId, "m.room.message", text(message(c.message)));
      const s2 = await friendSays(lotte, roomId, "Welkom");
      await messagesArrived(victim, roomId, [written, s2]);
      await syncedPast(world, victim);
      await settle();
      const screens = victimScreens(world, victim);
      const judged = (outcome: Outcome): Outcome => unlessGap(victim, roomId, [s1, s2], outcome);
      record(id("announced"), announced(before, noticeIds(screensOfRoom(screens, roomId))));
      record(id("member-name"), judged(hidden(screens, c.member)));
      record(id("message"), judged(hidden(screens, c.message)));
    },
  };
}

/**
 * "Upgrade": the stranger (with power in Lotte's group) tombstones it and
 * invites the minor to a "replacement" that claims the group as predecessor.
 */
function upgrade(band: Band): AttackContext {
  const id = (what: string): string => `room-upgrade.${what}.${band}`;
  const untilOpened = expectUntilOpened(band);
  return {
    id: `room-upgrade-${band}`,
    variants: [
      { id: id("tombstone-text"), door: "room-upgrade", expected: "hidden" },
      {
        id: id("replacement-not-a-normal-invitation"),
        door: "room-upgrade",
        expected: "not-a-normal-chat",
      },
      { id: id("replacement-name"), door: "room-upgrade", expected: untilOpened },
      { id: id("replacement-invite-reason"), door: "invite-reason", expected: untilOpened },
      {
        id: id("server-upgrade-replacement-not-a-normal-invitation"),
        door: "room-upgrade",
        expected: "not-a-normal-chat",
      },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const stranger = world.roaming[band];
      const lotte = world.lotte;
      const roomId = await friendsGroup(lotte, victim, "Klas 3A");
      label(roomId, `friend's group, tombstoned (${band})`);
      await friendAdds(lotte, roomId, stranger);
      const last = await friendSays(lotte, roomId, "Morgen toets!");
      const c = { tombstone: newCanary(), name: newCanary(), reason: newCanary() };
      const replacement = await rawCreateRoom(stranger.raw, {
        preset: "private_chat",
        name: message(c.name),
        creation_content: { predecessor: { room_id: roomId, event_id: last } },
        initial_state: [MEGOLM],
      });
      label(replacement, `stranger's "replacement" group (${band})`);
      await rawSendState(stranger.raw, roomId, "m.room.tombstone", "", {
        body: message(c.tombstone),
        replacement_room: replacement,
      });
      await rawInvite(stranger.raw, replacement, victim.userId, message(c.reason));
      // A real upgrade through the server's API: the new room is the stranger's, with the group's name.
      const other = await friendsGroup(lotte, victim, "Klas 3B");
      label(other, `friend's group, upgraded by the stranger (${band})`);
      await friendAdds(lotte, other, stranger);
      const upgraded = await rawUpgradeRoom(stranger.raw, other, "10");
      label(upgraded, `server upgrade made by the stranger (${band})`);
      await rawInvite(stranger.raw, upgraded, victim.userId);
      await arrived(victim, replacement);
      await arrived(victim, upgraded);
      await syncedPast(world, victim);
      await settle();
      const unopened = victimScreens(world, victim);
      const opened = victimScreens(world, victim, { requestsOpened: true });
      record(id("tombstone-text"), hidden(opened, c.tombstone));
      record(id("replacement-not-a-normal-invitation"), notNormal(unopened, replacement));
      record(
        id("replacement-name"),
        hiddenUntilOpened(band, unopened, opened, c.name, replacement),
      );
      record(
        id("replacement-invite-reason"),
        hiddenUntilOpened(band, unopened, opened, c.reason, replacement),
      );
      record(
        id("server-upgrade-replacement-not-a-normal-invitation"),
        notNormal(unopened, upgraded),
      );
    },
  };
}

/** Spaces: a stranger's space invitation, and Lotte inviting the minor into a stranger's space. */
function spaces(band: Band): AttackContext {
  const id = (what: string): string => `space.${what}.${band}`;
  const untilOpened = expectUntilOpened(band);
  return {
    id: `spaces-${band}`,
    variants: [
      { id: id("strangers-space-name"), door: "space", expected: untilOpened },
      { id: id("friend-invites-into-strangers-space.name"), door: "space", expected: untilOpened },
      {
        id: id("friend-invites-into-strangers-space.not-a-normal-invitation"),
        door: "space",
        expected: "not-a-normal-chat",
      },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const c = { own: newCanary(), friends: newCanary() };
      const loner = await registerAccount(newCanary(), "Ruimte");
      const raw = await rawLogin(testHomeserver, loner.username, loner.password);
      const ownSpace = await rawCreateRoom(raw, {
        preset: "private_chat",
        name: message(c.own),
        creation_content: { type: "m.space" },
        invite: [victim.userId],
      });
      label(ownSpace, `stranger's space (${band})`);
      const stranger = world.roaming[band];
      const theirs = await rawCreateRoom(stranger.raw, {
        preset: "private_chat",
        name: message(c.friends),
        creation_content: { type: "m.space" },
        invite: [world.lotte.userId],
      });
      label(theirs, `stranger's space Lotte joined (${band})`);
      await rawJoinRoomOrAlias(world.lotte.raw, theirs);
      await rawInvite(world.lotte.raw, theirs, victim.userId);
      await arrived(victim, ownSpace);
      await arrived(victim, theirs);
      await syncedPast(world, victim);
      await settle();
      const unopened = victimScreens(world, victim);
      const opened = victimScreens(world, victim, { requestsOpened: true });
      record(
        id("strangers-space-name"),
        hiddenUntilOpened(band, unopened, opened, c.own, ownSpace),
      );
      record(
        id("friend-invites-into-strangers-space.name"),
        hiddenUntilOpened(band, unopened, opened, c.friends, theirs),
      );
      record(
        id("friend-invites-into-strangers-space.not-a-normal-invitation"),
        notNormal(unopened, theirs),
      );
    },
  };
}

/** Positive controls: what a contact writes, and a contact's own group's name, do show. */
function controls(band: Band): AttackContext {
  return {
    id: `controls-${band}`,
    variants: [
      { id: `control.contact-message.${band}`, door: "control", expected: "shown" },
      { id: `control.contact-group-name.${band}`, door: "control", expected: "shown" },
      {
        id: `integrity.plaintext-from-contact.${band}`,
        door: "integrity",
        expected: "not-a-normal-message",
      },
    ],
    run: async ({ world, record, label }) => {
      const victim = world.victims[band];
      const c = { message: newCanary(), group: newCanary(), plain: newCanary() };
      const dm = victim.friendDms.get(world.lotte.userId);
      if (dm === undefined) throw new Error("no chat with Lotte");
      const written = await friendSays(world.lotte, dm, `Hoi! ${c.message}`);
      // The friend's account, from a client (or script) that does not encrypt.
      const plain = await rawSendEvent(
        world.lotte.raw,
        dm,
        "m.room.message",
        text(`Hoi! ${c.plain}`),
      );
      const groupId = await world.lotte.session.createEncryptedGroup(`Feestje ${c.group}`, [
        victim.userId,
      ]);
      label(groupId, `friend's own group (${band})`);
      await messagesArrived(victim, dm, [written, plain]);
      await arrived(victim, groupId);
      await syncedPast(world, victim);
      await settle();
      const screens = await screensOnceShown(world, victim, [c.message, c.group]);
      record(`control.contact-message.${band}`, shown(screens, c.message));
      record(`control.contact-group-name.${band}`, shown(screens, c.group));
      record(`integrity.plaintext-from-contact.${band}`, notAsNormalMessage(screens, c.plain));
    },
  };
}

export function groupContexts(): AttackContext[] {
  const bands: readonly Band[] = ["13-15", "8-12"];
  return bands.flatMap((band) => [
    controls(band),
    groupMadeByStranger(band),
    groupMadeByFriend(band),
    groupDisguisedAsDirect(band),
    strangerAddedToGroup(band),
    strangerRenamesAndSends(band),
    strangerAddedToDirectChat(band),
    strangerAddedToOldGroup(band),
    strangerInUnnamedGroup(band),
    publicRoom(band),
    knock(band),
    upgrade(band),
    spaces(band),
  ]);
}
