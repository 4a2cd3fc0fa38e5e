// View model of a person's profile: what this app knows about them, each
// piece as a decision says. Their name as the room decision shows it in the
// room it was opened from (someone kept back stays "someone you don't know");
// contact or not, and what they are to the person, from the engine's
// judgement of them there; their verified age band only when their own
// device presented it (their disclosure decision) and the room shows them;
// whether the person's own band is shown to them (the disclosure decision);
// groups in common (titles as the store shows them); and how the chat
// started. Block or unblock, report (target "profile") and help.

import type { AgeBand, RelationshipClass } from "@safety-by-design/policy-engine";
import type { ConversationOriginRecord } from "../matrix/sessionTypes.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type { MediatedName, RoomDecisionStore, RoomTitle } from "../policy/roomDecisionStore.ts";
import { strangerTag } from "../policy/strangerTag.ts";
import { personAvatar, type AvatarView } from "./avatar.ts";
import type { ReportSubject } from "./reportEvidence.ts";
import { ViewModel } from "./ViewModel.ts";

/** What a profile needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ProfileSource = {
  readonly userId: string;
  readonly blockedUsers: readonly string[];
  subscribe(listener: () => void): () => void;
  block(userId: string): Promise<void>;
  unblock(userId: string): Promise<void>;
  directChatWith(otherUserId: string): string | undefined;
  conversationOrigin(roomId: string): ConversationOriginRecord | undefined;
  joinedAt(roomId: string): number | undefined;
};

export type ProfileNavigation = {
  readonly back: () => void;
  /** Opens the report sheet (the app owns it, so it outlives this screen). */
  readonly report: (subject: ReportSubject) => void;
  readonly help: () => void;
};

export type ProfileDependencies = {
  readonly source: ProfileSource;
  readonly rooms: RoomDecisionStore;
  readonly gateway: Pick<PolicyGateway, "ageOf" | "disclosure">;
  /** The room the profile was opened from: names are shown as its decision shows them. */
  readonly roomId: string;
  readonly userId: string;
  readonly navigation: ProfileNavigation;
};

export type ProfileAge =
  | { readonly kind: "verified"; readonly band: Exclude<AgeBand, "unverified"> }
  /** Not verified, not presented to this device, or not shown here. */
  | { readonly kind: "not-known" };

export type SharedGroup = { readonly roomId: string; readonly title: RoomTitle };

/** How the direct chat with them started; "unknown": not recorded, `since` is when it was joined. */
export type ProfileConversation = {
  readonly origin: ConversationOriginRecord["origin"] | "unknown";
  readonly since: number;
};

export type ProfileSnapshot = {
  readonly name: MediatedName;
  readonly avatar: AvatarView;
  /** What they are to the person, as the engine judged them; null when it failed closed. */
  readonly relationship: RelationshipClass | null;
  readonly age: ProfileAge;
  /** The person's own verified band may be shown to them (the disclosure decision). */
  readonly myAgeShown: boolean;
  readonly sharedGroups: readonly SharedGroup[];
  readonly conversation: ProfileConversation | undefined;
  readonly blocked: boolean;
  readonly busy: boolean;
  readonly failed: boolean;
};

export type ProfileViewActions = {
  readonly back: () => void;
  readonly block: () => Promise<void>;
  readonly unblock: () => Promise<void>;
  readonly report: () => void;
  readonly help: () => void;
};

export class ProfileViewModel extends ViewModel<ProfileSnapshot> implements ProfileViewActions {
  readonly #deps: ProfileDependencies;
  #busy = false;
  #failed = false;

  constructor(deps: ProfileDependencies) {
    super(snapshotOf(deps, false, false));
    this.#deps = deps;
    // Blocking changes the session's account data; the store recomputes after every sync.
    this.onDispose(
      deps.rooms.subscribe(() => {
        this.#refresh();
      }),
    );
    this.onDispose(
      deps.source.subscribe(() => {
        this.#refresh();
      }),
    );
  }

  readonly back = (): void => {
    this.#deps.navigation.back();
  };

  readonly block = async (): Promise<void> => {
    await this.#run(() => this.#deps.source.block(this.#deps.userId));
  };

  readonly unblock = async (): Promise<void> => {
    await this.#run(() => this.#deps.source.unblock(this.#deps.userId));
  };

  readonly report = (): void => {
    this.#deps.navigation.report({
      kind: "profile",
      roomId: this.#deps.roomId,
      userId: this.#deps.userId,
    });
  };

  readonly help = (): void => {
    this.#deps.navigation.help();
  };

  async #run(action: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#failed = false;
    this.#refresh();
    try {
      await action();
    } catch {
      this.#failed = true;
    } finally {
      this.#busy = false;
      this.#refresh();
    }
  }

  #refresh(): void {
    this.update(snapshotOf(this.#deps, this.#busy, this.#failed));
  }
}

function snapshotOf(deps: ProfileDependencies, busy: boolean, failed: boolean): ProfileSnapshot {
  const { source, rooms, gateway, roomId, userId } = deps;
  const room = rooms.room(roomId);
  const member = room?.members.find((candidate) => candidate.userId === userId);
  const unknown: MediatedName = { kind: "unknown", tag: strangerTag(userId) };
  // As the screen behind showed them: an opened invitation shows what its overview shows.
  const name = (room?.membership === "invite" ? member?.nameWhenOpened : member?.name) ?? unknown;
  const facts = gateway.ageOf(userId);
  const direct = source.directChatWith(userId);
  return {
    name,
    avatar: personAvatar(userId, name),
    relationship: member?.relationship ?? null,
    age:
      member?.content === "shown" && facts.ageVerified && facts.ageBand !== "unverified"
        ? { kind: "verified", band: facts.ageBand }
        : { kind: "not-known" },
    myAgeShown: gateway.disclosure(userId).effect === "disclose",
    sharedGroups: rooms
      .rooms()
      .filter(
        (candidate) =>
          candidate.membership === "join" &&
          !candidate.isDirect &&
          candidate.members.some((m) => m.userId === userId && m.membership === "join"),
      )
      .map((group) => ({ roomId: group.roomId, title: group.title })),
    conversation: direct === undefined ? undefined : conversationOf(source, direct),
    blocked: source.blockedUsers.includes(userId),
    busy,
    failed,
  };
}

function conversationOf(source: ProfileSource, roomId: string): ProfileConversation | undefined {
  const recorded = source.conversationOrigin(roomId);
  if (recorded !== undefined) return { origin: recorded.origin, since: recorded.acceptedAt };
  const joined = source.joinedAt(roomId);
  return joined === undefined ? undefined : { origin: "unknown", since: joined };
}
