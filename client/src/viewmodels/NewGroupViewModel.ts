// View model of "new group": a name and up to nine other people (ten with
// the creator). Every person is checked with the policy engine's sender-side
// contact decision, exactly as a direct chat would be; a refused person is
// named with the engine's notice, never silently dropped.

import type { MessageKey } from "../i18n/i18n.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

/** Small groups only: a product limit for the youth panel, not a safety rule. */
export const MAX_GROUP_SIZE = 10;

export type NewGroupSource = {
  readonly userId: string;
  createEncryptedGroup(name: string, otherUserIds: readonly string[]): Promise<string>;
};

/** A person the engine answered with a notice: they cannot be added, or only after reading it. */
export type PersonCheck = {
  readonly userId: string;
  readonly refused: boolean;
  readonly notices: readonly NoticeView[];
  /** Why: the rules of that person's contact decision, for the reader's band. */
  readonly why: WhyView;
};

export type NewGroupSnapshot = {
  readonly name: string;
  readonly members: string;
  readonly busy: boolean;
  readonly error:
    | { readonly key: MessageKey; readonly params: Readonly<Record<string, string | number>> }
    | undefined;
  /** People the engine answered with a notice (refused, or allowed after reading). */
  readonly checks: readonly PersonCheck[];
  /** The form can be sent: nobody on it was refused (remove them first). */
  readonly canSubmit: boolean;
  /**
   * Which choice leads after a notice: where the engine offers "cancel" beside
   * "continue" for someone (it marks going on as the risky choice), cancelling
   * is the primary button and "create anyway" an ordinary one.
   */
  readonly primary: "create" | "cancel";
};

/** What the "new group" view may ask for. */
export type NewGroupViewActions = {
  readonly setName: (name: string) => void;
  readonly setMembers: (members: string) => void;
  readonly submit: () => Promise<void>;
  readonly back: () => void;
};

const MATRIX_USER_ID = /^@[a-z0-9._=\-/+]+:[a-z0-9.-]+(:[0-9]{1,5})?$/i;

export class NewGroupViewModel extends ViewModel<NewGroupSnapshot> implements NewGroupViewActions {
  readonly #source: NewGroupSource;
  readonly #gateway: PolicyGateway;
  readonly #navigation: { back: () => void; openConversation: (roomId: string) => void };

  constructor(
    source: NewGroupSource,
    gateway: PolicyGateway,
    navigation: { back: () => void; openConversation: (roomId: string) => void },
  ) {
    super({
      name: "",
      members: "",
      busy: false,
      error: undefined,
      checks: [],
      canSubmit: true,
      primary: "create",
    });
    this.#source = source;
    this.#gateway = gateway;
    this.#navigation = navigation;
  }

  readonly setName = (name: string): void => {
    this.update({ ...this.getSnapshot(), name, error: undefined });
  };

  readonly setMembers = (members: string): void => {
    this.update({
      ...this.getSnapshot(),
      members,
      error: undefined,
      checks: [],
      canSubmit: true,
      primary: "create",
    });
  };

  readonly submit = async (): Promise<void> => {
    const view = this.getSnapshot();
    const name = view.name.trim();
    const people = [...new Set(view.members.split(/[\s,;]+/).filter((id) => id !== ""))].filter(
      (id) => id !== this.#source.userId,
    );
    const invalid = people.find((id) => !MATRIX_USER_ID.test(id));
    const error =
      name === ""
        ? { key: "newGroup.error.name" as const, params: {} }
        : people.length === 0
          ? { key: "newGroup.error.noMembers" as const, params: {} }
          : invalid !== undefined
            ? { key: "newGroup.error.invalidId" as const, params: { id: invalid } }
            : people.length > MAX_GROUP_SIZE - 1
              ? { key: "newGroup.error.tooMany" as const, params: { max: MAX_GROUP_SIZE } }
              : undefined;
    if (error !== undefined) {
      this.update({ ...view, error, checks: [], canSubmit: true, primary: "create" });
      return;
    }
    // Each check may ask that person's device first (age gating), so the button is busy meanwhile.
    this.update({ ...view, busy: true });
    const checks = await Promise.all(
      people.map(async (userId) => {
        const decision = await this.#gateway.startChat(userId);
        return {
          userId,
          effect: decision.effect,
          risky: decision.actions.includes("cancel"),
          notices: decision.notices,
          why: whyViewOf([decision], this.#gateway.readerBand()),
        };
      }),
    );
    this.update({ ...view, busy: false });
    const needsAttention = checks.filter((check) => check.effect !== "allowed");
    const refused = checks.some((check) => check.effect === "refused");
    if (needsAttention.length > 0 && view.checks.length === 0) {
      // Show what the engine said; the person reads it and decides (or removes someone).
      this.update({
        ...view,
        checks: needsAttention.map(({ userId, effect, notices, why }) => ({
          userId,
          refused: effect === "refused",
          notices,
          why,
        })),
        canSubmit: !refused,
        primary: needsAttention.some((check) => check.risky) ? "cancel" : "create",
      });
      return;
    }
    if (refused) return;
    this.update({ ...view, busy: true });
    try {
      const roomId = await this.#source.createEncryptedGroup(name, people);
      this.#navigation.openConversation(roomId);
    } catch {
      this.update({
        ...this.getSnapshot(),
        busy: false,
        error: { key: "newGroup.error.failed", params: {} },
      });
    }
  };

  readonly back = (): void => {
    this.#navigation.back();
  };
}
