// View model of "new chat": the person types a Matrix ID; the policy
// engine's sender-side contact decision says whether the chat may start,
// with which notice, or why not (deterrence with help, for an adult who
// tries to reach a minor). The recipient's own device decides again.

import type { ContactDecision } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

export type NewChatSource = {
  readonly userId: string;
  directChatWith(otherUserId: string): string | undefined;
  createEncryptedDirectChat(otherUserId: string): Promise<string>;
};

export type NewChatNavigation = {
  readonly back: () => void;
  readonly openConversation: (roomId: string) => void;
};

export type NewChatSnapshot = {
  readonly matrixId: string;
  readonly busy: boolean;
  readonly error: MessageKey | undefined;
  /** Set when the engine answered with a notice (refused, or allowed after reading it). */
  readonly answer: NewChatAnswer | undefined;
};

/** The engine's notice before a chat starts, as the screen shows it. */
export type NewChatAnswer = {
  readonly notices: readonly NoticeView[];
  readonly help: readonly HelpResourceId[];
  /** The chat may start once the person has read the notice ("continue"); false: refused. */
  readonly canContinue: boolean;
  /**
   * Which choice leads: where the engine offers "cancel" beside "continue"
   * (it asks the person to read first), not starting is the filled button.
   */
  readonly primary: "continue" | "cancel";
  /** Why: the contact decision's rules, for the reader's band. */
  readonly why: WhyView;
};

/** What the "new chat" view may ask for. */
export type NewChatViewActions = {
  readonly setMatrixId: (matrixId: string) => void;
  readonly submit: () => Promise<void>;
  readonly continueAfterNotice: () => Promise<void>;
  readonly back: () => void;
  readonly openHelpResource: (resource: HelpResourceId) => void;
};

/** The decision on screen: what the study log and the next step refer to (not shown). */
type ShownDecision = {
  readonly effect: ContactDecision["effect"];
  readonly decisionId: string;
  readonly packId: string;
};

const MATRIX_USER_ID = /^@[a-z0-9._=\-/+]+:[a-z0-9.-]+(:[0-9]{1,5})?$/i;

export class NewChatViewModel extends ViewModel<NewChatSnapshot> implements NewChatViewActions {
  readonly #source: NewChatSource;
  readonly #gateway: PolicyGateway;
  readonly #navigation: NewChatNavigation;
  readonly #study: StudyRecorder;
  /** Set exactly while `answer` is: the decision behind the notice on screen. */
  #shown: ShownDecision | undefined;

  constructor(
    source: NewChatSource,
    gateway: PolicyGateway,
    navigation: NewChatNavigation,
    study: StudyRecorder = NO_STUDY,
  ) {
    super({ matrixId: "", busy: false, error: undefined, answer: undefined });
    this.#source = source;
    this.#gateway = gateway;
    this.#navigation = navigation;
    this.#study = study;
  }

  readonly setMatrixId = (matrixId: string): void => {
    this.#shown = undefined;
    this.update({ ...this.getSnapshot(), matrixId, error: undefined, answer: undefined });
  };

  /** Asks the engine; starts the chat when allowed, or shows its notice. */
  readonly submit = async (): Promise<void> => {
    const otherUserId = this.getSnapshot().matrixId.trim();
    if (!MATRIX_USER_ID.test(otherUserId)) {
      this.#shown = undefined;
      this.update({ ...this.getSnapshot(), error: "newChat.error.invalidId", answer: undefined });
      return;
    }
    if (otherUserId === this.#source.userId) {
      this.#shown = undefined;
      this.update({ ...this.getSnapshot(), error: "newChat.error.self", answer: undefined });
      return;
    }
    // The engine may ask the other person's device first (age gating): a few seconds at most.
    this.#shown = undefined;
    this.update({ ...this.getSnapshot(), busy: true, error: undefined, answer: undefined });
    const decision = await this.#gateway.startChat(otherUserId);
    this.update({ ...this.getSnapshot(), busy: false });
    if (decision.effect === "allowed") {
      await this.#start(otherUserId);
      return;
    }
    // "allowed-with-notice" waits for the person to read and continue; "refused" stops here.
    this.#shown = {
      effect: decision.effect,
      decisionId: decision.decisionId,
      packId: decision.pack.id,
    };
    this.update({
      ...this.getSnapshot(),
      answer: {
        notices: decision.notices,
        help: decision.help,
        canContinue: decision.effect === "allowed-with-notice",
        primary: decision.actions.includes("cancel") ? "cancel" : "continue",
        why: whyViewOf([decision], this.#gateway.readerBand()),
      },
    });
    for (const notice of decision.notices) {
      this.#study.record({
        kind: "notice-shown",
        decisionId: decision.decisionId,
        packId: decision.pack.id,
        noticeId: notice.id,
        copyKey: notice.copyKey,
      });
    }
  };

  /** After reading an allowed-with-notice decision. */
  readonly continueAfterNotice = async (): Promise<void> => {
    if (this.#shown?.effect !== "allowed-with-notice") return;
    this.#recordChoice("continue");
    await this.#start(this.getSnapshot().matrixId.trim());
  };

  readonly back = (): void => {
    // Leaving a notice (or a refusal) is the choice not to go on.
    this.#recordChoice("cancel");
    this.#navigation.back();
  };

  /** A help organisation's number or site under the notice was tapped (the link opens as usual). */
  readonly openHelpResource = (resource: HelpResourceId): void => {
    const shown = this.#shown;
    if (shown === undefined) return;
    const moment = shown.effect === "refused" ? "after-deterrence" : "after-warning";
    this.#study.record({ kind: "help-resource-opened", moment, resource });
  };

  #recordChoice(action: "continue" | "cancel"): void {
    const shown = this.#shown;
    if (shown === undefined) return;
    this.#study.record({
      kind: "action-chosen",
      decisionId: shown.decisionId,
      packId: shown.packId,
      action,
    });
  }

  async #start(otherUserId: string): Promise<void> {
    this.update({ ...this.getSnapshot(), busy: true, error: undefined });
    try {
      const roomId =
        this.#source.directChatWith(otherUserId) ??
        (await this.#source.createEncryptedDirectChat(otherUserId));
      this.#navigation.openConversation(roomId);
    } catch {
      this.update({ ...this.getSnapshot(), busy: false, error: "newChat.error.failed" });
    }
  }
}
