// The application's top view model: which screen shows, and the session's
// life cycle (restore on load, sign in, sign out). Its dependencies come in
// from main.tsx, so tests can run it without a browser or a homeserver.

import type { ReportCategory } from "@safety-by-design/policy-engine";
import { createTranslator, type Locale } from "../i18n/i18n.ts";
import type { ReportFiler } from "../matrix/reporting/reportFiler.ts";
import type { SessionCredentials, SignInResult } from "../matrix/signIn.ts";
import type { PeopleFinder } from "../policy/discovery.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type { RoomDecisionStore } from "../policy/roomDecisionStore.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import { ChatListViewModel, type ChatListSource, type HomeTab } from "./ChatListViewModel.ts";
import {
  ConversationReminderViewModel,
  wakeAtWithTimers,
  type ConversationReminderSource,
  type WakeAt,
} from "./ConversationReminderViewModel.ts";
import { ConversationViewModel, type ConversationSource } from "./ConversationViewModel.ts";
import { FindPeopleViewModel } from "./FindPeopleViewModel.ts";
import { HelpViewModel, type HelpMomentView } from "./HelpViewModel.ts";
import { ModerationViewModel, type ModerationAccess } from "./ModerationViewModel.ts";
import type { HelpDecider } from "../policy/decideHelp.ts";
import { NewChatViewModel, type NewChatSource } from "./NewChatViewModel.ts";
import { NewGroupViewModel, type NewGroupSource } from "./NewGroupViewModel.ts";
import { RecoveryViewModel, type RecoverySource } from "./RecoveryViewModel.ts";
import { ReportSheetViewModel, type ReportSubject } from "./ReportSheetViewModel.ts";
import { RequestViewModel, type RequestSource } from "./RequestViewModel.ts";
import { SignInViewModel, type SignInError, type SignInPrefill } from "./SignInViewModel.ts";
import { ViewModel } from "./ViewModel.ts";

/** What the screens need of a Matrix session; the Matrix layer's ChatSession satisfies it. */
export type SessionPort = ChatListSource &
  ConversationSource &
  RequestSource &
  RecoverySource &
  NewChatSource &
  NewGroupSource &
  ConversationReminderSource & {
    stop(): void;
    signOut(): Promise<void>;
  };

/** A running session and the policy gateway that decides for it. */
export type RunningSession = {
  readonly session: SessionPort;
  readonly gateway: PolicyGateway;
  /** Every room's decision and what of it may show: all room screens read from here. */
  readonly rooms: RoomDecisionStore;
  /** Files reports and follows their delivery (the outbox of this account). */
  readonly reports: ReportFiler;
  /** "Find people" (age-gated discovery); absent without device protection. */
  readonly people?: PeopleFinder | undefined;
  /** The moderation screen's dependencies; offered only if the account is a server admin. */
  readonly moderation?: ModerationAccess | undefined;
  /** Stops on-device enforcement and the session's background work. */
  readonly stop: () => void;
  /**
   * The pack id of a study assignment this deployment ignored (it is not
   * configured for studies); the chat list says so. Undefined: none.
   */
  readonly ignoredStudyAssignment?: string | undefined;
};

export type AppDependencies = {
  readonly defaultHomeserverUrl: string;
  readonly initialLocale: Locale;
  readonly saveLocale: (locale: Locale) => void;
  readonly loadCredentials: () => SessionCredentials | undefined;
  readonly saveCredentials: (credentials: SessionCredentials) => void;
  readonly forgetCredentials: (userId: string) => void;
  readonly signIn: (
    homeserverUrl: string,
    username: string,
    password: string,
  ) => Promise<SignInResult>;
  /** Starts the SDK and crypto; loaded lazily so the sign-in screen never waits for them. */
  readonly startSession: (credentials: SessionCredentials) => Promise<RunningSession>;
  readonly reportError: (message: string, error: unknown) => void;
  /** Help decisions before sign-in, when nothing is known about the person. */
  readonly signedOutHelp: HelpDecider;
  /** Wakes a conversation's reminder when the engine's time for it is up (default: timers). */
  readonly wakeAt?: WakeAt;
  /** The lab device's study log (records only with consent); default NO_STUDY, nothing. */
  readonly study?: StudyRecorder;
  /** A local demo's sign-in link: fills in the first sign-in form shown, once. */
  readonly signInPrefill?: SignInPrefill | undefined;
};

export type AppScreen =
  | { readonly kind: "restoring" }
  | { readonly kind: "sign-in"; readonly signIn: SignInViewModel }
  | { readonly kind: "chats"; readonly chatList: ChatListViewModel }
  | { readonly kind: "conversation"; readonly conversation: ConversationViewModel }
  | { readonly kind: "request"; readonly request: RequestViewModel }
  | { readonly kind: "new-chat"; readonly newChat: NewChatViewModel }
  | { readonly kind: "find-people"; readonly findPeople: FindPeopleViewModel }
  | { readonly kind: "recovery"; readonly recovery: RecoveryViewModel }
  | { readonly kind: "new-group"; readonly newGroup: NewGroupViewModel }
  | { readonly kind: "moderation"; readonly moderation: ModerationViewModel };

export type AppSnapshot = {
  readonly locale: Locale;
  readonly screen: AppScreen;
  /** The help screen, over whatever screen is open; undefined when closed. */
  readonly help: HelpViewModel | undefined;
  /** The report sheet, over whatever screen is open; undefined when closed. */
  readonly report: ReportSheetViewModel | undefined;
};

export class AppViewModel extends ViewModel<AppSnapshot> {
  readonly #deps: AppDependencies;
  readonly #study: StudyRecorder;
  #session: RunningSession | undefined;
  #signInPrefill: SignInPrefill | undefined;

  constructor(deps: AppDependencies) {
    super({
      locale: deps.initialLocale,
      screen: { kind: "restoring" },
      help: undefined,
      report: undefined,
    });
    this.#deps = deps;
    this.#study = deps.study ?? NO_STUDY;
    this.#signInPrefill = deps.signInPrefill;
  }

  /** Resumes a remembered session, or shows sign-in. */
  async start(): Promise<void> {
    const credentials = this.#deps.loadCredentials();
    if (credentials === undefined) {
      this.#showSignIn();
      return;
    }
    await this.#startSession(credentials, false);
  }

  readonly setLocale = (locale: Locale): void => {
    this.#deps.saveLocale(locale);
    this.update({ ...this.getSnapshot(), locale });
  };

  /** One tap from any screen, signed in or not. */
  readonly openHelp = (
    moment: HelpMomentView = "general",
    reportCategory?: ReportCategory,
  ): void => {
    this.getSnapshot().help?.dispose();
    const decide = this.#session?.gateway.help ?? this.#deps.signedOutHelp;
    const help = new HelpViewModel(
      decide,
      moment,
      {
        close: () => {
          this.#closeHelp();
        },
        quickExit: () => {
          // Away from help at once, to a plain screen: the chat list, or sign-in.
          this.#closeHelp();
          this.#closeReport();
          if (this.#session !== undefined) this.#showChats();
        },
      },
      reportCategory,
      this.#study,
    );
    this.#study.record({ kind: "help-opened", moment });
    this.update({ ...this.getSnapshot(), help });
  };

  /**
   * Opens the report sheet over the current screen. It stays open when the
   * screen behind it changes (after block or leave), so the reporter keeps
   * seeing the report's status.
   */
  #openReport(subject: ReportSubject, alreadyBlocked = false): void {
    const running = this.#session;
    if (running === undefined) return;
    this.getSnapshot().report?.dispose();
    const { t } = createTranslator(this.getSnapshot().locale);
    const report = new ReportSheetViewModel(subject, {
      reporting: running.reports,
      decide: running.gateway.report,
      source: {
        userId: running.session.userId,
        conversation: (roomId) => running.session.conversation(roomId),
        // The sheet names people exactly as the screen behind it did.
        person: (roomId, userId) => {
          const room = running.rooms.room(roomId);
          const member = room?.members.find((candidate) => candidate.userId === userId);
          const name = room?.membership === "invite" ? member?.nameWhenOpened : member?.name;
          return name?.kind === "name"
            ? { label: name.label, shown: true }
            : { label: t("person.unknown"), shown: false };
        },
      },
      explanation: (category) =>
        t("report.explanation", { category: t(`report.category.${category}`) }),
      alreadyBlocked,
      study: this.#study,
      actions: {
        block: async (userId) => {
          await running.session.block(userId);
          // A blocked request is declined too, as the request screen's block does.
          if (subject.kind === "request") {
            await running.session.leave(subject.roomId);
            this.#showChats("requests");
          }
        },
        leave: async (roomId) => {
          await running.session.leave(roomId);
          this.#showChats();
        },
        help: (category) => {
          this.openHelp("after-report", category);
        },
        close: () => {
          this.#closeReport();
        },
      },
    });
    this.update({ ...this.getSnapshot(), report });
  }

  #closeReport(): void {
    this.getSnapshot().report?.dispose();
    this.update({ ...this.getSnapshot(), report: undefined });
  }

  #closeHelp(): void {
    this.getSnapshot().help?.dispose();
    this.update({ ...this.getSnapshot(), help: undefined });
  }

  override dispose(): void {
    this.#disposeScreen();
    this.getSnapshot().report?.dispose();
    this.#session?.stop();
    this.#session?.session.stop();
    super.dispose();
  }

  /** `justSignedIn`: after the sign-in form (not a reload), the recovery key is offered or asked for. */
  async #startSession(credentials: SessionCredentials, justSignedIn: boolean): Promise<void> {
    this.#setScreen({ kind: "restoring" });
    try {
      const session = await this.#deps.startSession(credentials);
      this.#session = session;
      const status = justSignedIn
        ? await this.#recoveryStatus(session.session)
        : "set-up-on-this-device";
      if (status === "set-up-on-this-device") this.#showChats();
      else this.#showRecovery(status);
    } catch (error) {
      this.#deps.reportError("starting the session failed", error);
      this.#deps.forgetCredentials(credentials.userId);
      this.#showSignIn({ key: "session.startFailed", params: {} });
    }
  }

  async #signOut(): Promise<void> {
    const running = this.#session;
    this.#session = undefined;
    this.#closeReport();
    if (running !== undefined) {
      running.stop();
      this.#deps.forgetCredentials(running.session.userId);
      try {
        await running.session.signOut();
      } catch (error) {
        // The local stores are cleared either way; the server may keep the device.
        this.#deps.reportError("signing out on the server failed", error);
      }
    }
    this.#showSignIn();
  }

  #showChats(tab: HomeTab = "chats"): void {
    const running = this.#session;
    if (running === undefined) return;
    const chatList = new ChatListViewModel(
      running.session,
      running.gateway,
      running.rooms,
      {
        signOut: () => this.#signOut(),
        open: (roomId) => {
          this.#showConversation(roomId);
        },
        openRequest: (roomId) => {
          this.#showRequest(roomId);
        },
        startNewChat: () => {
          this.#showNewChat();
        },
        startNewGroup: () => {
          this.#showNewGroup();
        },
        findPeople:
          running.people === undefined
            ? undefined
            : () => {
                this.#showFindPeople();
              },
        moderation:
          running.moderation === undefined
            ? undefined
            : {
                isAvailable: running.moderation.isAvailable,
                open: () => {
                  this.#showModeration();
                },
              },
      },
      tab,
      running.ignoredStudyAssignment !== undefined,
    );
    this.#setScreen({ kind: "chats", chatList });
  }

  #showConversation(roomId: string): void {
    const running = this.#session;
    if (running === undefined) return;
    const reminder = new ConversationReminderViewModel(
      running.session,
      running.gateway.conversationNotices,
      roomId,
      this.#deps.wakeAt ?? wakeAtWithTimers(),
      this.#study,
    );
    const conversation = new ConversationViewModel(
      running.session,
      running.rooms,
      roomId,
      () => {
        this.#showChats();
      },
      reminder,
      (subject) => {
        this.#openReport(subject);
      },
    );
    this.#setScreen({ kind: "conversation", conversation });
  }

  async #recoveryStatus(
    session: SessionPort,
  ): Promise<Awaited<ReturnType<SessionPort["recoveryStatus"]>>> {
    try {
      return await session.recoveryStatus();
    } catch (error) {
      // Chatting works without a recovery key: never block the person on it.
      this.#deps.reportError("checking the recovery key failed", error);
      return "set-up-on-this-device";
    }
  }

  #showRecovery(status: "not-set-up" | "needs-recovery-key"): void {
    const running = this.#session;
    if (running === undefined) return;
    const recovery = new RecoveryViewModel(running.session, status, () => {
      this.#showChats();
    });
    this.#setScreen({ kind: "recovery", recovery });
  }

  #showRequest(roomId: string): void {
    const running = this.#session;
    if (running === undefined) return;
    const request = new RequestViewModel(
      running.session,
      running.rooms,
      roomId,
      {
        back: () => {
          this.#showChats("requests");
        },
        openConversation: (id) => {
          this.#showConversation(id);
        },
        report: (subject) => {
          this.#openReport(subject, true);
        },
      },
      this.#study,
    );
    this.#setScreen({ kind: "request", request });
  }

  #showNewGroup(): void {
    const running = this.#session;
    if (running === undefined) return;
    const newGroup = new NewGroupViewModel(running.session, running.gateway, {
      back: () => {
        this.#showChats();
      },
      openConversation: (id) => {
        this.#showConversation(id);
      },
    });
    this.#setScreen({ kind: "new-group", newGroup });
  }

  #showModeration(): void {
    const access = this.#session?.moderation;
    if (access === undefined) return;
    const moderation = new ModerationViewModel(access, {
      back: () => {
        this.#showChats();
      },
    });
    this.#setScreen({ kind: "moderation", moderation });
    void moderation.start();
  }

  #showFindPeople(): void {
    const people = this.#session?.people;
    if (people === undefined) return;
    const findPeople = new FindPeopleViewModel(people, {
      back: () => {
        this.#showChats();
      },
      startChatWith: (userId) => {
        this.#showNewChat(userId);
      },
    });
    this.#setScreen({ kind: "find-people", findPeople });
  }

  /** With `userId`, the contact decision runs at once (started from Find people). */
  #showNewChat(userId?: string): void {
    const running = this.#session;
    if (running === undefined) return;
    const newChat = new NewChatViewModel(
      running.session,
      running.gateway,
      {
        back: () => {
          this.#showChats();
        },
        openConversation: (id) => {
          this.#showConversation(id);
        },
      },
      this.#study,
    );
    this.#setScreen({ kind: "new-chat", newChat });
    if (userId !== undefined) {
      newChat.setMatrixId(userId);
      void newChat.submit();
    }
  }

  #showSignIn(error?: SignInError): void {
    const prefill = this.#signInPrefill;
    this.#signInPrefill = undefined;
    const signIn = new SignInViewModel(
      {
        defaultHomeserverUrl: this.#deps.defaultHomeserverUrl,
        prefill,
        signIn: this.#deps.signIn,
        onSignedIn: (credentials) => {
          this.#deps.saveCredentials(credentials);
          void this.#startSession(credentials, true);
        },
      },
      error,
    );
    this.#setScreen({ kind: "sign-in", signIn });
  }

  #setScreen(screen: AppScreen): void {
    this.#disposeScreen();
    this.update({ ...this.getSnapshot(), screen });
  }

  #disposeScreen(): void {
    const screen = this.getSnapshot().screen;
    if (screen.kind === "sign-in") screen.signIn.dispose();
    if (screen.kind === "chats") screen.chatList.dispose();
    if (screen.kind === "conversation") screen.conversation.dispose();
    if (screen.kind === "request") screen.request.dispose();
    if (screen.kind === "new-chat") screen.newChat.dispose();
    if (screen.kind === "find-people") screen.findPeople.dispose();
    if (screen.kind === "recovery") screen.recovery.dispose();
    if (screen.kind === "new-group") screen.newGroup.dispose();
    if (screen.kind === "moderation") screen.moderation.dispose();
  }
}
