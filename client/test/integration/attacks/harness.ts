// Attack suite: the victim's device and its screens, the oracle, and the
// runner that plays every attack context against them (README.md here).
//
// The victim is a minor's device running the client's own protection
// (startDeviceProtection), exactly as main.tsx starts it. What the minor can
// see is what the app's view models publish: `victimScreens` builds them the
// way AppViewModel does and returns their snapshots. It is the one place that
// knows how screens are constructed.
//
// The oracle: every attack plants unique canary strings in what the attacker
// controls. A canary "shows" when it occurs anywhere in the JSON of a screen
// snapshot; `locate` says where (screen and field).

import { mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPolicyEngine,
  loadBundledPack,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import type { IssuerKeyPair } from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";
import {
  ChatListViewModel,
  ConversationReminderViewModel,
  ConversationViewModel,
  RequestViewModel,
  type DeviceProtection,
} from "@safety-by-design/client/headless";
import { loadOrCreateIssuer } from "../../../../tools/lib/ageIssuer.ts";
import {
  registerAgeBand,
  startAgeIssuerService,
  type AgeIssuerService,
} from "../../../../tools/lib/ageIssuerService.ts";
import { ensureDirectChatBetween } from "../../../../tools/lib/conversations.ts";
import {
  startDiscoveryService,
  type DiscoveryService,
} from "../../../../tools/lib/discoveryService.ts";
import { protectDevice } from "../protectedDevices.ts";
import { testHomeserver, until } from "../support.ts";
import {
  registerAccount,
  startOlmAttacker,
  startOwnDevice,
  type Account,
  type OlmAttacker,
  type OwnDevice,
} from "./actors.ts";

export type Band = "13-15" | "8-12";

/** The doors of issue 12 the variants are grouped by. */
export type Door =
  | "control"
  | "dm-invite"
  | "names"
  | "invite-reason"
  | "presentation"
  | "group-invite"
  | "member-added"
  | "public-room"
  | "knock"
  | "space"
  | "room-upgrade"
  | "edit"
  | "redaction"
  | "rename"
  | "look-alike"
  | "media"
  | "integrity"
  | "kick"
  | "probe-flood"
  | "directory"
  | "sender-side";

// ---------------------------------------------------------------------------
// The world: trust anchors, services, victims, friends, a roaming stranger
// ---------------------------------------------------------------------------

export type VictimDevice = OwnDevice & {
  readonly label: string;
  readonly band: Band;
  readonly account: Account;
  readonly userId: string;
  readonly protection: DeviceProtection;
  /** The in-person direct chat with each friend (Lotte's is the sync barrier). */
  readonly friendDms: ReadonlyMap<string, string>;
  /** Every room this device has ever listed (invited or joined), also ones it declined since. */
  readonly seenRooms: ReadonlySet<string>;
};

export type FriendDevice = OwnDevice & {
  readonly name: string;
  readonly account: Account;
  readonly userId: string;
};

export type World = {
  readonly issuer: IssuerKeyPair;
  readonly issuerDir: string;
  readonly provider: AgeIssuerService;
  readonly discovery: DiscoveryService;
  readonly engine: PolicyEngine;
  /** Noor (13-15) and Sam (8-12): the victims of most doors. */
  readonly victims: Readonly<Record<Band, VictimDevice>>;
  /** Lieke (13-15): opted in to "Find people"; the directory's victim. */
  readonly findable: VictimDevice;
  /** Contacts made in person: Lotte of every victim (her chats are the sync barrier), Mila of Noor and Sam. */
  readonly lotte: FriendDevice;
  readonly mila: FriendDevice;
  /**
   * One unknown, unverified adult per band who gets added to the victim's
   * existing chats; its Matrix ID and display name are canaries too.
   */
  readonly roaming: Readonly<Record<Band, Stranger>>;
  /** Rooms named for the report ("the adult's group (13-15)"). */
  readonly roomLabels: Map<string, string>;
  /** Errors the protection reported through its `failed` callback. */
  readonly failures: string[];
  /** Starts the client's own device protection on a device (as main.tsx does). */
  readonly protect: (device: OwnDevice, name: string) => Promise<DeviceProtection>;
  /** Registers clean-up for something a context started. */
  readonly onStop: (stop: () => void) => void;
  readonly stop: () => Promise<void>;
};

export type Stranger = OlmAttacker & {
  /** Canaries in the Matrix ID's local part and in the display name. */
  readonly idCanary: string;
  readonly nameCanary: string;
};

/** A unique, lower-case token that can also be a Matrix local part. */
export function newCanary(): string {
  return `zq${BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(0, 12)}`;
}

/** Canary text that reads like what a groomer writes. */
export const message = (canary: string): string =>
  `Hoi lieverd, ik ben ook 14. Stuur je een foto? App me: ${canary}`;

export async function startWorld(): Promise<World> {
  const issuerDir = await mkdtemp(join(tmpdir(), "sbd-attacks-issuer-"));
  const issuer = await loadOrCreateIssuer(issuerDir);
  const provider = await startAgeIssuerService({
    issuer,
    issuerDir,
    homeserver: testHomeserver,
    port: 0,
  });
  const discovery = await startDiscoveryService({
    homeserver: testHomeserver,
    trustedIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
    port: 0,
  });
  const engine = createPolicyEngine(loadBundledPack("nl-default"));
  const failures: string[] = [];
  const roomLabels = new Map<string, string>();
  const stoppers: (() => void)[] = [];
  const onStop = (stop: () => void): void => {
    stoppers.push(stop);
  };

  const protect = (device: OwnDevice, name: string): Promise<DeviceProtection> =>
    protectDevice(device.session, {
      engine,
      issuer,
      ageIssuerUrl: provider.url,
      discoveryServiceUrl: discovery.url,
      failed: (what, error) => {
        failures.push(`${name}: ${what}: ${String(error)}`);
      },
    });

  const friend = async (name: string): Promise<FriendDevice> => {
    const account = await registerAccount(`${name.toLowerCase()}-${newCanary()}`, name);
    await registerAgeBand(issuerDir, account.userId, "13-15");
    const device = await startOwnDevice(account);
    onStop(() => {
      device.session.stop();
    });
    return { ...device, name, account, userId: account.userId };
  };
  const [lotte, mila] = await Promise.all([friend("Lotte"), friend("Mila")]);

  const victim = async (
    name: string,
    band: Band,
    friends: readonly FriendDevice[],
  ): Promise<VictimDevice> => {
    const account = await registerAccount(`${name.toLowerCase()}-${newCanary()}`, name);
    await registerAgeBand(issuerDir, account.userId, band);
    const device = await startOwnDevice(account);
    // Friends from before: made in person, before this device ran any protection.
    const friendDms = new Map<string, string>();
    for (const f of friends) {
      const roomId = await ensureDirectChatBetween(f.session, device.session);
      friendDms.set(f.userId, roomId);
      roomLabels.set(roomId, `in-person chat with ${f.name} (${band})`);
    }
    const protection = await protect(device, name);
    // Every judgement below assumes the device knows its own band, as a verified minor's does.
    if (protection.ownAge.status !== "verified" || protection.ownAge.band !== band) {
      throw new Error(`${name}'s device holds no verified ${band} band`);
    }
    const seenRooms = new Set<string>();
    const witness = (): void => {
      for (const chat of device.session.chats) seenRooms.add(chat.roomId);
    };
    witness();
    const stopWitness = device.session.subscribe(witness);
    onStop(() => {
      stopWitness();
      protection.stop();
      device.session.stop();
    });
    return {
      ...device,
      label: name,
      band,
      account,
      userId: account.userId,
      protection,
      friendDms,
      seenRooms,
    };
  };
  // Lotte's chats are made one at a time: m.direct is read, changed and written back.
  const noor = await victim("Noor", "13-15", [lotte, mila]);
  const sam = await victim("Sam", "8-12", [lotte, mila]);
  const lieke = await victim("Lieke", "13-15", [lotte]);

  const [roaming1315, roaming812] = await Promise.all([
    startStranger(onStop),
    startStranger(onStop),
  ]);

  return {
    issuer,
    issuerDir,
    provider,
    discovery,
    engine,
    victims: { "13-15": noor, "8-12": sam },
    findable: lieke,
    lotte,
    mila,
    roaming: { "13-15": roaming1315, "8-12": roaming812 },
    roomLabels,
    failures,
    protect,
    onStop,
    stop: async () => {
      for (const stop of stoppers.reverse()) stop();
      await provider.close();
      await discovery.close();
      await rm(issuerDir, { recursive: true, force: true });
    },
  };
}

/** A fresh attacker with its own Olm device; its ID and display name carry canaries. */
export function olmStranger(world: World): Promise<Stranger> {
  return startStranger(world.onStop);
}

async function startStranger(onStop: (stop: () => void) => void): Promise<Stranger> {
  const idCanary = newCanary();
  const nameCanary = newCanary();
  const account = await registerAccount(idCanary, message(nameCanary));
  const attacker = await startOlmAttacker(account);
  onStop(attacker.stop);
  return { ...attacker, idCanary, nameCanary };
}

// ---------------------------------------------------------------------------
// The victim's screens
// ---------------------------------------------------------------------------

export type Screen = {
  /** "chat list", "request <room>", "conversation <room>", "reminder <room>". */
  readonly name: string;
  readonly roomId: string | undefined;
  readonly snapshot: unknown;
};

const noop = (): void => undefined;
const noopAsync = (): Promise<void> => Promise.resolve();

/**
 * The session as a screen sees it, except that building a conversation
 * screen sends no read receipt (the app sends one when the person looks).
 */
function lookingOnly(session: ChatSession): ChatSession {
  return new Proxy(session, {
    get(target, property) {
      if (property === "markRead") return noopAsync;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
}

function chatListOf(device: VictimDevice): ChatListViewModel {
  return new ChatListViewModel(device.session, device.protection.gateway, device.protection.rooms, {
    open: noop,
    openRequest: noop,
    startNewChat: noop,
    startNewGroup: noop,
  });
}

function requestOf(device: VictimDevice, roomId: string): RequestViewModel {
  return new RequestViewModel(device.session, device.protection.rooms, roomId, {
    back: noop,
    openConversation: noop,
    report: noop,
  });
}

function roomLabel(world: World, roomId: string): string {
  return world.roomLabels.get(roomId) ?? `(other room ${roomId.slice(1, 7)})`;
}

/**
 * Everything the victim can see now, built as AppViewModel builds it: the
 * chat list; with `requestsOpened`, the request (or group overview) screen of
 * every request in the list, as if the minor had opened each one (opening is
 * the person's choice to look, so variants observe the list both before and
 * after); and the conversation screen, with its reminder, of every chat in
 * the list.
 */
export function victimScreens(
  world: World,
  device: VictimDevice,
  options: { readonly requestsOpened?: boolean } = {},
): readonly Screen[] {
  const screens: Screen[] = [];
  const chatList = chatListOf(device);
  const list = chatList.getSnapshot();
  chatList.dispose();
  screens.push({ name: "chat list", roomId: undefined, snapshot: list });
  for (const { roomId } of options.requestsOpened === true ? list.requests : []) {
    const request = requestOf(device, roomId);
    screens.push({
      name: `request ${roomLabel(world, roomId)}`,
      roomId,
      snapshot: request.getSnapshot(),
    });
    request.dispose();
  }
  const source = lookingOnly(device.session);
  for (const chat of list.chats) {
    const reminder = new ConversationReminderViewModel(
      source,
      device.protection.gateway.conversationNotices,
      chat.roomId,
      () => noop,
    );
    const conversation = new ConversationViewModel(
      source,
      device.protection.rooms,
      chat.roomId,
      noop,
      reminder,
      noop,
    );
    const label = roomLabel(world, chat.roomId);
    screens.push({
      name: `conversation ${label}`,
      roomId: chat.roomId,
      snapshot: conversation.getSnapshot(),
    });
    screens.push({
      name: `reminder ${label}`,
      roomId: chat.roomId,
      snapshot: reminder.getSnapshot(),
    });
    conversation.dispose();
  }
  return screens;
}

/** How the minor went into a room when they tapped it, as the app offers. */
export type Tap =
  /** Listed as a normal invitation: one tap joins, no safety screen before. */
  | "joined-normal-invitation"
  /** A request or group overview was shown, and it offered accept (or join): taken. */
  | "accepted-after-safety-screen"
  /** Listed, but no way in is offered (held aside). */
  | "not-offered"
  /** Not listed at all (declined on the device, or never arrived). */
  | "not-listed";

/** The minor opens the room from the chat list and takes the way in that the app offers. */
export async function victimTaps(device: VictimDevice, roomId: string): Promise<Tap> {
  const chatList = chatListOf(device);
  const list = chatList.getSnapshot();
  try {
    if (list.invitations.some((row) => row.roomId === roomId)) {
      await chatList.acceptInvitation(roomId);
      await joined(device, roomId);
      return "joined-normal-invitation";
    }
    if (!list.requests.some((row) => row.roomId === roomId)) return "not-listed";
  } finally {
    chatList.dispose();
  }
  const request = requestOf(device, roomId);
  try {
    const view = request.getSnapshot();
    if (!view.found || !view.choices.includes("accept")) return "not-offered";
    await request.accept();
    await joined(device, roomId);
    return "accepted-after-safety-screen";
  } finally {
    request.dispose();
  }
}

export async function joined(device: VictimDevice, roomId: string): Promise<void> {
  await until(
    () => device.session.chats.some((c) => c.roomId === roomId && c.membership === "join"),
    `${device.label} in ${roomId}`,
  );
}

/** The victim's device has listed this room (invited or joined) at some point. */
export async function arrived(device: VictimDevice, roomId: string): Promise<void> {
  await until(() => device.seenRooms.has(roomId), `${roomId} on ${device.label}'s device`);
}

let barrierCount = 0;

/**
 * Waits until the victim's device has synced past everything sent so far: a
 * friend's message sent now reaches it after every earlier event (sync is in
 * stream order), in any room, invitation or to-device message.
 */
export async function syncedPast(world: World, device: VictimDevice): Promise<void> {
  const roomId = device.friendDms.get(world.lotte.userId);
  if (roomId === undefined) throw new Error(`${device.label} has no chat with Lotte`);
  const marker = `sync ${String(++barrierCount)} ${newCanary()}`;
  await world.lotte.session.sendText(roomId, marker);
  await until(
    () => device.session.messages(roomId).some((m) => m.body === marker),
    `${device.label}'s device to sync past ${marker}`,
  );
}

/** After the condition: a short moment for work the device does after a sync (decisions, declines). */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/**
 * The screens once every one of these canaries shows on them, or as they are
 * when the time is up: for the positive controls, which must show. A loaded
 * device makes its decisions a moment after the sync that brought the facts
 * (an accepted request becomes a chat once its join has synced); a fixed
 * pause fails a control that passes a moment later. What must stay hidden is
 * not judged this way: it is looked at after the same barriers and settle().
 */
export async function screensOnceShown(
  world: World,
  device: VictimDevice,
  canaries: readonly string[],
  timeoutMs = 20_000,
): Promise<readonly Screen[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screens = victimScreens(world, device);
    const allShown = canaries.every((canary) => locate(screens, canary).length > 0);
    if (allShown || Date.now() > deadline) return screens;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** These messages are on the device, decrypted (or marked), in the live timeline of the room. */
export async function messagesArrived(
  device: VictimDevice,
  roomId: string,
  eventIds: readonly string[],
): Promise<void> {
  await until(() => {
    const listed = new Map(device.session.messages(roomId).map((m) => [m.eventId, m.kind]));
    return eventIds.every((id) => listed.has(id) && listed.get(id) !== "undecryptable");
  }, `${eventIds.length} event(s) in ${roomId} on ${device.label}'s device`);
}

/** Whether these events are (still) in the live timeline: no gap swallowed them. */
export function stillListed(
  device: VictimDevice,
  roomId: string,
  eventIds: readonly string[],
): boolean {
  const listed = new Set(device.session.messages(roomId).map((m) => m.eventId));
  return eventIds.every((id) => listed.has(id));
}

// ---------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------

type Hit = { readonly where: string; readonly inNormalMessage: boolean };

function hits(screens: readonly Screen[], needle: string): Hit[] {
  const found: Hit[] = [];
  const walk = (value: unknown, path: string, screen: string, inText: boolean): void => {
    if (typeof value === "string") {
      if (value.includes(needle))
        found.push({ where: `${screen} › ${path}`, inNormalMessage: inText });
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item, `${path}[]`, screen, inText);
      return;
    }
    if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      // A message row shown as what its sender wrote ("text"), not hidden or marked.
      const text = inText || (record["kind"] === "text" && "body" in record);
      for (const [key, child] of Object.entries(record)) {
        walk(child, path === "" ? key : `${path}.${key}`, screen, text);
      }
    }
  };
  for (const screen of screens) walk(screen.snapshot, "", screen.name, false);
  return found;
}

/** Every string on the screens, with where it is ("screen › field"). */
export function shownStrings(
  screens: readonly Screen[],
): { readonly where: string; readonly value: string }[] {
  const found: { where: string; value: string }[] = [];
  const walk = (value: unknown, path: string, screen: string): void => {
    if (typeof value === "string") found.push({ where: `${screen} › ${path}`, value });
    else if (Array.isArray(value)) for (const item of value) walk(item, `${path}[]`, screen);
    else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        walk(child, path === "" ? key : `${path}.${key}`, screen);
      }
    }
  };
  for (const screen of screens) walk(screen.snapshot, "", screen.name);
  return found;
}

/** Where the needle shows: "screen › field" (array positions folded), each once. */
export function locate(screens: readonly Screen[], needle: string): string[] {
  return [...new Set(hits(screens, needle).map((hit) => hit.where))];
}

export type Outcome = { readonly pass: boolean; readonly observed: string };

const shownAt = (where: readonly string[]): string =>
  where.length === 0 ? "not shown" : `shown: ${where.join("; ")}`;

/** Passes when the canary is on no screen. */
export function hidden(screens: readonly Screen[], canary: string): Outcome {
  const where = locate(screens, canary);
  return { pass: where.length === 0, observed: shownAt(where) };
}

/** Passes when the canary is on some screen (positive controls: the oracle sees it). */
export function shown(screens: readonly Screen[], canary: string): Outcome {
  const where = locate(screens, canary);
  return { pass: where.length > 0, observed: shownAt(where) };
}

/**
 * Names and words of a stranger before the minor chose: a 13-15 may see them
 * on that room's own request screen once they open it (issue 12, point 4);
 * an 8-12 never, even opened; nobody anywhere else.
 */
export function hiddenUntilOpened(
  band: Band,
  unopened: readonly Screen[],
  opened: readonly Screen[],
  canary: string,
  roomId: string,
): Outcome {
  const own = (s: Screen): boolean => s.roomId === roomId && s.name.startsWith("request ");
  const before = locate(unopened, canary);
  const elsewhere = locate(
    opened.filter((s) => !own(s)),
    canary,
  ).filter((where) => !before.includes(where));
  const onRequest = locate(opened.filter(own), canary);
  const pass =
    before.length === 0 && elsewhere.length === 0 && (band === "13-15" || onRequest.length === 0);
  const after = [...onRequest, ...elsewhere];
  const parts = [
    before.length === 0 ? "unopened: not shown" : `unopened: ${shownAt(before)}`,
    after.length === 0 ? "opened: not shown" : `opened: ${shownAt(after)}`,
  ];
  return { pass, observed: parts.join(" | ") };
}

export const expectUntilOpened = (band: Band): string =>
  band === "13-15" ? "hidden-until-opened" : "hidden";

/**
 * What a stranger wrote in a room the minor went into from the chat list: a
 * 13-15 may see it, in that room, after a safety screen that showed the
 * stranger and a choice to join; never after a one-tap normal invitation; an
 * 8-12 never.
 */
export function afterTap(
  band: Band,
  tap: Tap,
  screens: readonly Screen[],
  canary: string,
  roomId: string,
): Outcome {
  const where = locate(screens, canary);
  const allowed = band === "13-15" && tap === "accepted-after-safety-screen";
  // What the room shows, its own chat-list row included (the row's preview is
  // that room's newest message), is allowed; the canary anywhere else leaks.
  const leaks = allowed ? locate(outsideRoom(screens, roomId), canary) : where;
  return { pass: leaks.length === 0, observed: `${tap}; ${shownAt(where)}` };
}

export const expectAfterTap = (band: Band): string =>
  band === "13-15" ? "hidden-unless-joined-after-safety-screen" : "hidden";

/** Unencrypted events in an encrypted room: hidden or clearly marked, never a normal message. */
export function notAsNormalMessage(screens: readonly Screen[], canary: string): Outcome {
  const all = hits(screens, canary);
  const normal = [...new Set(all.filter((h) => h.inNormalMessage).map((h) => h.where))];
  const other = [...new Set(all.filter((h) => !h.inNormalMessage).map((h) => h.where))];
  return {
    pass: normal.length === 0,
    observed:
      normal.length > 0
        ? `as a normal message: ${normal.join("; ")}`
        : other.length > 0
          ? `marked: ${other.join("; ")}`
          : "not shown",
  };
}

/** The screens of one room: its request, conversation and reminder, and its chat-list rows. */
export function screensOfRoom(screens: readonly Screen[], roomId: string): Screen[] {
  const rows: unknown[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) collect(item);
    } else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      if (record["roomId"] === roomId) rows.push(record);
      else for (const child of Object.values(record)) collect(child);
    }
  };
  const list = screens.find((screen) => screen.name === "chat list");
  if (list !== undefined) collect(list.snapshot);
  return [
    { name: "chat list row", roomId, snapshot: rows },
    ...screens.filter((screen) => screen.roomId === roomId),
  ];
}

/** The screens without that room: its own screens gone, its rows cut out of every list. */
export function outsideRoom(screens: readonly Screen[], roomId: string): Screen[] {
  const cut = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value
        .filter((item) => !(isRecord(item) && item["roomId"] === roomId))
        .map((item) => cut(item));
    }
    if (isRecord(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, cut(child)]));
    }
    return value;
  };
  return screens
    .filter((screen) => screen.roomId !== roomId)
    .map((screen) => ({ ...screen, snapshot: cut(screen.snapshot) }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Engine notices (id, severity, copy key) anywhere on these screens, by id. */
export function noticeIds(screens: readonly Screen[]): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record["id"] === "string" && typeof record["copyKey"] === "string") {
        ids.add(record["id"]);
      }
      for (const child of Object.values(record)) walk(child);
    }
  };
  for (const screen of screens) walk(screen.snapshot);
  return ids;
}

/** A stranger who appeared in a room the minor was already in is announced there. */
export function announced(before: ReadonlySet<string>, after: ReadonlySet<string>): Outcome {
  const added = [...after].filter((id) => !before.has(id));
  return {
    pass: added.length > 0,
    observed:
      added.length > 0
        ? `new notice: ${added.join(", ")}`
        : `no new notice (before: ${[...before].join(", ") || "none"}; after: ${[...after].join(", ") || "none"})`,
  };
}

/** The room (its chat-list row, request or conversation) carries a resemblance warning. */
export function flaggedAsLookAlike(
  roomScreens: readonly Screen[],
  kind: "contact" | "help-service",
): Outcome {
  const json = JSON.stringify(roomScreens.map((screen) => screen.snapshot));
  const notice = new RegExp(`resembles-${kind}`).test(json);
  const flag = /"flagged":true/.test(json);
  return {
    pass: notice || flag,
    observed: notice
      ? `notice name-resembles-${kind}`
      : flag
        ? "title flagged"
        : "no resemblance warning",
  };
}

/** Where the chat list puts a room: "normal invitation", "request (…)" or "not listed". */
function placement(screens: readonly Screen[], roomId: string): string {
  const list = screens.find((s) => s.name === "chat list")?.snapshot as
    | {
        invitations: readonly { roomId: string }[];
        requests: readonly { roomId: string; presentation: string }[];
        chats: readonly { roomId: string }[];
      }
    | undefined;
  if (list === undefined) return "no chat list";
  if (list.invitations.some((r) => r.roomId === roomId)) return "normal invitation";
  const request = list.requests.find((r) => r.roomId === roomId);
  if (request !== undefined) return `request (${request.presentation})`;
  if (list.chats.some((r) => r.roomId === roomId)) return "chat";
  return "not listed";
}

/** Not a normal chat or normal invitation: held as a request, overview or aside (or declined). */
export function notNormal(screens: readonly Screen[], roomId: string): Outcome {
  const where = placement(screens, roomId);
  return { pass: where !== "normal invitation" && where !== "chat", observed: where };
}

/**
 * A look-alike name is never shown alone: a label that carries the Matrix ID
 * next to the name ("Lotte (@…)"), or a resemblance warning. An ID only in a
 * field beside it (e.g. `userId`) does not count: a view renders the label.
 */
export function showsIdOrWarns(
  roomScreens: readonly Screen[],
  name: string,
  idCanary: string,
  kind: "contact" | "help-service",
): Outcome {
  const warned = flaggedAsLookAlike(roomScreens, kind);
  const labelled = labelsWith(roomScreens, name, idCanary);
  return {
    pass: warned.pass || labelled,
    observed: `${warned.observed}; ${labelled ? "ID shown next to the name" : "no ID next to the name"}`,
  };
}

/** Some string on these screens holds both the name and the ID. */
function labelsWith(screens: readonly Screen[], name: string, idCanary: string): boolean {
  const json = JSON.stringify(screens.map((screen) => screen.snapshot));
  return [...json.matchAll(/"((?:[^"\\]|\\.)*)"/g)].some(
    (match) => (match[1] ?? "").includes(name) && (match[1] ?? "").includes(idCanary),
  );
}

/** How many after the count stops changing for two seconds (a burst's answers have all come). */
export async function quiet(count: () => number, quietMs = 2000): Promise<number> {
  let last = count();
  let since = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}

/** Bidi controls, zero-width and other invisible format characters, tag characters. */
const HIDDEN_CHARACTERS =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u{E0000}-\u{E007F}]/u;

/** No string on the screens that carries one of these canaries has a hidden character in it. */
export function noHiddenCharacters(
  screens: readonly Screen[],
  canaries: readonly string[],
): Outcome {
  const carrying = shownStrings(screens).filter(({ value }) =>
    canaries.some((canary) => value.includes(canary)),
  );
  const tainted = carrying.filter(({ value }) => HIDDEN_CHARACTERS.test(value));
  const codes = (value: string): string =>
    Array.from(value)
      .filter((char) => HIDDEN_CHARACTERS.test(char))
      .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
      .join(" ");
  return {
    pass: tainted.length === 0,
    observed:
      carrying.length === 0
        ? "names not shown"
        : tainted.length > 0
          ? `kept: ${[...new Set(tainted.map((t) => `${t.where} (${codes(t.value)})`))].join("; ")}`
          : `${String(carrying.length)} shown name(s), cleaned`,
  };
}

// ---------------------------------------------------------------------------
// Contexts and variants
// ---------------------------------------------------------------------------

export type Variant = {
  readonly id: string;
  readonly door: Door;
  /** What issue 12 asks, in a few words. */
  readonly expected: string;
};

export type ContextRun = {
  readonly world: World;
  readonly record: (variantId: string, outcome: Outcome) => void;
  /** Names a room in the report. */
  readonly label: (roomId: string, label: string) => void;
};

/** One set-up (rooms, attackers, the minor's choices) that several variants observe. */
export type AttackContext = {
  readonly id: string;
  readonly variants: readonly Variant[];
  readonly run: (run: ContextRun) => Promise<void>;
};

export type VariantResult = Variant & Outcome & { readonly context: string };

/**
 * Plays the contexts, at most `concurrency` at a time (they share the victims'
 * devices but not their rooms or attackers). A context that fails fails every
 * variant it had not judged yet, with the error as what was observed.
 */
export async function playContexts(
  world: World,
  contexts: readonly AttackContext[],
  concurrency: number,
): Promise<Map<string, VariantResult>> {
  const results = new Map<string, VariantResult>();
  const queue = [...contexts];
  const worker = async (): Promise<void> => {
    for (let context = queue.shift(); context !== undefined; context = queue.shift()) {
      const known = new Map(context.variants.map((v) => [v.id, v]));
      const contextId = context.id;
      const run: ContextRun = {
        world,
        record: (variantId, outcome) => {
          const variant = known.get(variantId);
          if (variant === undefined) throw new Error(`${contextId}: no variant ${variantId}`);
          results.set(variantId, { ...variant, ...outcome, context: contextId });
        },
        label: (roomId, label) => world.roomLabels.set(roomId, label),
      };
      try {
        await context.run(run);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const variant of context.variants) {
          if (!results.has(variant.id)) {
            results.set(variant.id, {
              ...variant,
              pass: false,
              observed: `attack did not complete: ${reason}`,
              context: contextId,
            });
          }
        }
      }
      for (const variant of context.variants) {
        if (!results.has(variant.id)) {
          results.set(variant.id, {
            ...variant,
            pass: false,
            observed: "not judged (suite defect)",
            context: contextId,
          });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
