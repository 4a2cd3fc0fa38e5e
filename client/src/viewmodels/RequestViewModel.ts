// View model of one request: who is asking, the engine's notices for this
// reader, and the choices the engine offers. Opening this screen is the
// "reading" that an accept-after-reading decision asks for.

import type {
  ActionId,
  HelpResourceId,
  IncomingContactDecision,
  Notice,
} from "@safety-by-design/policy-engine";
import type { InvitationSummary } from "../matrix/chatSession.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type { ReportSubject } from "./ReportSheetViewModel.ts";
import { ViewModel } from "./ViewModel.ts";

export type RequestSource = {
  invitations(): readonly InvitationSummary[];
  subscribe(listener: () => void): () => void;
  join(roomId: string): Promise<void>;
  /** Remembers that the device user accepted this request (the reminder in the conversation). */
  recordConversationOrigin(roomId: string, origin: "accepted-request"): Promise<void>;
  leave(roomId: string): Promise<void>;
  block(userId: string): Promise<void>;
};

export type RequestNavigation = {
  readonly back: () => void;
  readonly openConversation: (roomId: string) => void;
  /** Opens the report sheet for someone the device user has just blocked. */
  readonly report?: (subject: ReportSubject) => void;
};

export type RequestSnapshot =
  | { readonly found: false }
  | {
      readonly found: true;
      readonly roomId: string;
      readonly inviterUserId: string;
      readonly inviterName: string | undefined;
      readonly presentation: IncomingContactDecision["effect"];
      /** The engine's preview decision. Matrix invitations carry no message, so "shown" has nothing to show yet. */
      readonly preview: IncomingContactDecision["preview"];
      readonly notices: readonly Notice[];
      /** Help the engine offers with this request (e.g. Kindertelefoon for a minor). */
      readonly help: readonly HelpResourceId[];
      readonly canAccept: boolean;
      readonly canIgnore: boolean;
      readonly canBlock: boolean;
      /** The engine offers "block and report" (and reporting is wired up). */
      readonly canReport: boolean;
      readonly offered: readonly ActionId[];
      readonly decisionId: string;
      readonly reasons: readonly string[];
      /** Which rules decided: pack id and version, for "why am I seeing this?". */
      readonly pack: string;
      readonly failedClosed: boolean;
      readonly busy: boolean;
    };

export class RequestViewModel extends ViewModel<RequestSnapshot> {
  readonly #source: RequestSource;
  readonly #gateway: PolicyGateway;
  readonly #roomId: string;
  readonly #navigation: RequestNavigation;
  #busy = false;

  constructor(
    source: RequestSource,
    gateway: PolicyGateway,
    roomId: string,
    navigation: RequestNavigation,
  ) {
    super({ found: false });
    this.#source = source;
    this.#gateway = gateway;
    this.#roomId = roomId;
    this.#navigation = navigation;
    this.#refresh();
    this.onDispose(
      source.subscribe(() => {
        this.#refresh();
      }),
    );
  }

  readonly accept = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (!view.found || !view.canAccept) return;
    await this.#act(async () => {
      await this.#source.join(this.#roomId);
      // Without the record the origin reads as "unknown", which the engine treats as an
      // accepted request anyway: a failed write costs the person nothing.
      await this.#source.recordConversationOrigin(this.#roomId, "accepted-request").catch(() => {
        /* protective default applies */
      });
    });
    this.#navigation.openConversation(this.#roomId);
  };

  /** Declines the invitation; the person can still write again later. */
  readonly ignore = async (): Promise<void> => {
    await this.#act(() => this.#source.leave(this.#roomId));
    this.#navigation.back();
  };

  readonly block = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (!view.found) return;
    await this.#act(async () => {
      await this.#source.block(view.inviterUserId);
      await this.#source.leave(this.#roomId);
    });
    this.#navigation.back();
  };

  /** Blocks at once (and declines), then opens the report sheet: one more tap sends the report. */
  readonly blockAndReport = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (!view.found || !view.canReport) return;
    await this.block();
    this.#navigation.report?.({
      kind: "request",
      roomId: this.#roomId,
      userId: view.inviterUserId,
      displayName: view.inviterName,
    });
  };

  readonly back = (): void => {
    this.#navigation.back();
  };

  async #act(action: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.#refresh();
    try {
      await action();
    } finally {
      this.#busy = false;
      this.#refresh();
    }
  }

  #refresh(): void {
    const invitation = this.#source.invitations().find((i) => i.roomId === this.#roomId);
    if (invitation === undefined) {
      this.update({ found: false });
      return;
    }
    const decision = this.#gateway.presentInvitation(invitation);
    const offered = decision.actions;
    this.update({
      found: true,
      roomId: this.#roomId,
      inviterUserId: invitation.inviterUserId,
      inviterName: invitation.inviterDisplayName,
      presentation: decision.effect,
      preview: decision.preview,
      notices: decision.notices,
      help: offered.includes("get-help") ? decision.help : [],
      canAccept: offered.includes("accept") || offered.includes("accept-after-reading"),
      canIgnore: offered.includes("ignore"),
      canBlock: offered.includes("block") || offered.includes("block-and-report"),
      canReport: offered.includes("block-and-report") && this.#navigation.report !== undefined,
      offered,
      decisionId: decision.decisionId,
      reasons: decision.reasons,
      pack: `${decision.pack.id} ${decision.pack.version}`,
      failedClosed: decision.failedClosed,
      busy: this.#busy,
    });
  }
}
