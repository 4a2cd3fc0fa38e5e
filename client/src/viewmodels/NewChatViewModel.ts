// View model of "new chat": the person types a Matrix ID; the policy
// engine's sender-side contact decision says whether the chat may start,
// with which notice, or why not (deterrence with help, for an adult who
// tries to reach a minor). The recipient's own device decides again.

import type { ContactDecision, HelpResourceId, Notice } from "@safety-by-design/policy-engine";
import type { MessageKey } from "../i18n/i18n.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import { ViewModel } from "./ViewModel.ts";

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
  /** Set when the engine answered with a notice (refused, or allowed after a notice). */
  readonly decision:
    | {
        readonly effect: ContactDecision["effect"];
        readonly notices: readonly Notice[];
        readonly help: readonly HelpResourceId[];
        readonly decisionId: string;
      }
    | undefined;
};

const MATRIX_USER_ID = /^@[a-z0-9._=\-/+]+:[a-z0-9.-]+(:[0-9]{1,5})?$/i;

export class NewChatViewModel extends ViewModel<NewChatSnapshot> {
  readonly #source: NewChatSource;
  readonly #gateway: PolicyGateway;
  readonly #navigation: NewChatNavigation;
  readonly #study: StudyRecorder;
  /** The pack of the decision on screen, for the study log (the snapshot has its id only). */
  #shownPackId = "";

  constructor(
    source: NewChatSource,
    gateway: PolicyGateway,
    navigation: NewChatNavigation,
    study: StudyRecorder = NO_STUDY,
  ) {
    super({ matrixId: "", busy: false, error: undefined, decision: undefined });
    this.#source = source;
    this.#gateway = gateway;
    this.#navigation = navigation;
    this.#study = study;
  }

  readonly setMatrixId = (matrixId: string): void => {
    this.update({ ...this.getSnapshot(), matrixId, error: undefined, decision: undefined });
  };

  /** Asks the engine; starts the chat when allowed, or shows its notice. */
  readonly submit = async (): Promise<void> => {
    const otherUserId = this.getSnapshot().matrixId.trim();
    if (!MATRIX_USER_ID.test(otherUserId)) {
      this.update({ ...this.getSnapshot(), error: "newChat.error.invalidId", decision: undefined });
      return;
    }
    if (otherUserId === this.#source.userId) {
      this.update({ ...this.getSnapshot(), error: "newChat.error.self", decision: undefined });
      return;
    }
    // The engine may ask the other person's device first (age gating): a few seconds at most.
    this.update({ ...this.getSnapshot(), busy: true, error: undefined, decision: undefined });
    const decision = await this.#gateway.startChat(otherUserId);
    this.update({ ...this.getSnapshot(), busy: false });
    const shown = {
      effect: decision.effect,
      notices: decision.notices,
      help: decision.help,
      decisionId: decision.decisionId,
    };
    if (decision.effect === "allowed") {
      await this.#start(otherUserId);
      return;
    }
    // "allowed-with-notice" waits for the person to read and continue; "refused" stops here.
    this.update({ ...this.getSnapshot(), decision: shown });
    this.#shownPackId = decision.pack.id;
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
    const { decision, matrixId } = this.getSnapshot();
    if (decision?.effect !== "allowed-with-notice") return;
    this.#recordChoice("continue");
    await this.#start(matrixId.trim());
  };

  readonly back = (): void => {
    // Leaving a notice (or a refusal) is the choice not to go on.
    this.#recordChoice("cancel");
    this.#navigation.back();
  };

  /** A help organisation's number or site under the notice was tapped (the link opens as usual). */
  readonly openHelpResource = (resource: HelpResourceId): void => {
    const decision = this.getSnapshot().decision;
    if (decision === undefined) return;
    const moment = decision.effect === "refused" ? "after-deterrence" : "after-warning";
    this.#study.record({ kind: "help-resource-opened", moment, resource });
  };

  #recordChoice(action: "continue" | "cancel"): void {
    const decision = this.getSnapshot().decision;
    if (decision === undefined) return;
    this.#study.record({
      kind: "action-chosen",
      decisionId: decision.decisionId,
      packId: this.#shownPackId,
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
