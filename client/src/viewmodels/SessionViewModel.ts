// View-model layer: one signed-in session's screens. Which screen shows (the
// (Over 400 lines: the screen trail and every screen's builder; each builder is short and they share the trail.)
// chat list, a conversation, a request, ...) and the report sheet over them.
// It exists only while a session runs: RootViewModel creates it once the
// session has started and disposes it on sign-out, so nothing here asks
// whether there is a session yet.
//
// Screens form a trail from the chat list: opening a screen (#open) adds a
// step that back (the screen's own button or the browser's, through
// Navigation) takes back; #replace swaps the screen on top; #home returns to
// the chat list. A new screen kind: a builder that returns the screen
// (`#chats`, `#conversation`, ...), its case in disposeScreen, and #open it.

import type { ReportCategory } from "@safety-by-design/policy-engine";
import { createTranslator, type Locale } from "../i18n/i18n.ts";
import type { ReportFiler } from "../reporting/reportFiler.ts";
import type { PeopleFinder } from "../policy/discovery.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type { RoomDecisionStore } from "../policy/roomDecisionStore.ts";
import type { StudyRecorder } from "../study/recorder.ts";
import { AttachmentViewModel, type SessionMedia } from "./AttachmentViewModel.ts";
import { AttentionViewModel } from "./AttentionViewModel.ts";
import { ChatListViewModel, type ChatListSource, type HomeTab } from "./ChatListViewModel.ts";
import {
  ConversationReminderViewModel,
  type ConversationReminderSource,
  type WakeAt,
} from "./ConversationReminderViewModel.ts";
import { ConversationViewModel, type ConversationSource } from "./ConversationViewModel.ts";
import { FindPeopleViewModel } from "./FindPeopleViewModel.ts";
import type { HelpMomentView } from "./HelpViewModel.ts";
import { ModerationViewModel, type ModerationAccess } from "./ModerationViewModel.ts";
import { NewChatViewModel, type NewChatSource } from "./NewChatViewModel.ts";
import { NewGroupViewModel, type NewGroupSource } from "./NewGroupViewModel.ts";
import type { BackStep, Navigation } from "./navigation.ts";
import { deviceInMemory, type DevicePorts } from "./device.ts";
import { ProfileViewModel, type ProfileSource } from "./ProfileViewModel.ts";
import { RecoveryViewModel, type RecoverySource } from "./RecoveryViewModel.ts";
import { ReportSheetViewModel, type ReportSubject } from "./ReportSheetViewModel.ts";
import { RequestViewModel, type RequestSource } from "./RequestViewModel.ts";
import { SettingsViewModel } from "./SettingsViewModel.ts";
import { MyReportsViewModel } from "./MyReportsViewModel.ts";
import type { ReportOutcomes } from "../reporting/reportOutcomes.ts";
import { assertNever } from "./assertNever.ts";
import { ViewModel } from "./ViewModel.ts";
import type { MediaKind } from "../matrix/mediaTypes.ts";
import { browserMediaDisplay, noMediaDisplay, type MediaDisplay } from "../media/mediaDisplay.ts";
import type { ShownPicture } from "../media/pictureDecoding.ts";

/** What the screens need of a Matrix session; the Matrix layer's ChatSession satisfies it. */
export type SessionPort = ChatListSource &
  ConversationSource &
  RequestSource &
  RecoverySource &
  NewChatSource &
  NewGroupSource &
  ProfileSource &
  ConversationReminderSource & {
    stop(): void;
    signOut(): Promise<void>;
    /**
     * The homeserver refused this device's token: it was signed out elsewhere
     * (the root goes back to sign-in; listeners are told when it turns true).
     */
    readonly signedOutElsewhere: boolean;
    /** After that: deletes the session's local stores without asking the server. */
    forget(): Promise<void>;
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
  /** Sending photos and files (the session's outbox); absent: conversations have no attach button. */
  readonly media?: SessionMedia | undefined;
  /** The moderation screen's dependencies; offered only if the account is a server admin. */
  readonly moderation?: ModerationAccess | undefined;
  /** The outcomes that came back for this device's reports ("Mijn meldingen"); absent: none can. */
  readonly outcomes?: ReportOutcomes | undefined;
  /** Stops on-device enforcement and the session's background work. */
  readonly stop: () => void;
  /**
   * The pack id of a study assignment this deployment ignored (it is not
   * configured for studies); the chat list says so. Undefined: none.
   */
  readonly ignoredStudyAssignment?: string | undefined;
  /**
   * The account is a classroom study seat, reset after the session (the
   * study service says so at session start): nothing on it is worth
   * recovering, so no recovery key is offered or asked for. Undefined or
   * false: any other account, which is offered one after signing in.
   */
  readonly accountResetAfterSession?: boolean | undefined;
};

/** What the session's screens need from the root: the language, help, sign-out. */
export type SessionDependencies = {
  /** The language now shown (the report's explanation is written in the reporter's words). */
  readonly locale: () => Locale;
  /** Opens the help screen over everything (the root owns it: help exists before sign-in). */
  readonly openHelp: (moment: HelpMomentView, reportCategory?: ReportCategory) => void;
  /** Ends the session: the root stops it, forgets it and shows sign-in. */
  readonly signOut: () => Promise<void>;
  readonly reportError: (message: string, error: unknown) => void;
  readonly wakeAt: WakeAt;
  readonly study: StudyRecorder;
  /** The browser's back button: each screen above the chat list, and the sheet, is a step. */
  readonly navigation: Navigation;
  /** Settings' language choice (the root owns the language); absent: Settings cannot change it. */
  readonly setLocale?: ((locale: Locale) => void) | undefined;
  /** The theme and notifications of this device; default: in memory, no notifications. */
  readonly device?: DevicePorts | undefined;
};

export type SessionScreen =
  /** The session runs; its first screen opens once the recovery key's state is known. */
  | { readonly kind: "opening" }
  | { readonly kind: "chats"; readonly chatList: ChatListViewModel }
  | { readonly kind: "conversation"; readonly conversation: ConversationViewModel }
  | { readonly kind: "request"; readonly request: RequestViewModel }
  | { readonly kind: "new-chat"; readonly newChat: NewChatViewModel }
  | { readonly kind: "find-people"; readonly findPeople: FindPeopleViewModel }
  | { readonly kind: "recovery"; readonly recovery: RecoveryViewModel }
  | { readonly kind: "new-group"; readonly newGroup: NewGroupViewModel }
  | { readonly kind: "moderation"; readonly moderation: ModerationViewModel }
  | { readonly kind: "settings"; readonly settings: SettingsViewModel }
  | { readonly kind: "my-reports"; readonly myReports: MyReportsViewModel }
  | { readonly kind: "profile"; readonly profile: ProfileViewModel };

/** How to build a screen, so back can show it again (fresh, as it is then). */
type Place = () => SessionScreen;

export type SessionSnapshot = {
  readonly screen: SessionScreen;
  /** The report sheet, over whatever screen is open; undefined when closed. */
  readonly report: ReportSheetViewModel | undefined;
};

export class SessionViewModel extends ViewModel<SessionSnapshot> {
  readonly #running: RunningSession;
  readonly #deps: SessionDependencies;
  #disposed = false;
  /** The screens back returns to, oldest first, each with its step in the browser's history. */
  readonly #trail: { readonly step: BackStep; readonly place: Place }[] = [];
  /** How to build the screen now open again. */
  #here: Place = () => ({ kind: "opening" });
  /** The open report sheet's step back; undefined while it is closed. */
  #reportStep: BackStep | undefined;

  /** The unread count in the tab's title, and notifications while the app is hidden. */
  readonly attention: AttentionViewModel;
  readonly #device: DevicePorts;

  constructor(running: RunningSession, deps: SessionDependencies) {
    super({ screen: { kind: "opening" }, report: undefined });
    this.#running = running;
    this.#deps = deps;
    this.#device = deps.device ?? deviceInMemory();
    this.attention = new AttentionViewModel({
      source: running.session,
      rooms: running.rooms,
      notifications: this.#device.notifications,
      words: {
        appName: () => createTranslator(deps.locale()).t("app.name"),
        newMessage: () => createTranslator(deps.locale()).t("notification.newMessage"),
      },
      open: (roomId) => {
        this.#closeReport();
        this.#home();
        this.#open(() => this.#conversation(roomId));
      },
    });
  }

  /** A person's profile, from the room it is opened in (names show as that room shows them). */
  readonly openProfile = (roomId: string, userId: string): void => {
    this.#open(() => this.#profile(roomId, userId));
  };

  /**
   * Opens the first screen: the chats, or first the recovery key. `justSignedIn`:
   * after signing in (not a reload), the key is offered or asked for, unless
   * the account is reset after the session (a classroom seat).
   */
  async open(justSignedIn: boolean): Promise<void> {
    const offerRecovery = justSignedIn && this.#running.accountResetAfterSession !== true;
    const status = offerRecovery ? await this.#recoveryStatus() : "set-up-on-this-device";
    if (this.#disposed) return;
    if (status === "set-up-on-this-device") this.#home();
    else this.#show(() => this.#recovery(status));
  }

  /** The quick exit: away from everything, to the plain chat list. */
  readonly quickExit = (): void => {
    this.#closeReport();
    this.#home();
  };

  override dispose(): void {
    this.#disposed = true;
    for (const { step } of this.#trail.splice(0).reverse()) step.leave();
    this.#reportStep?.leave();
    this.#reportStep = undefined;
    disposeScreen(this.getSnapshot().screen);
    this.getSnapshot().report?.dispose();
    this.attention.dispose();
    super.dispose();
  }

  async #recoveryStatus(): Promise<Awaited<ReturnType<SessionPort["recoveryStatus"]>>> {
    try {
      return await this.#running.session.recoveryStatus();
    } catch (error) {
      // Chatting works without a recovery key: never block the person on it.
      this.#deps.reportError("checking the recovery key failed", error);
      return "set-up-on-this-device";
    }
  }

  /**
   * Opens the report sheet over the current screen. It stays open when the
   * screen behind it changes (after block or leave), so the reporter keeps
   * seeing the report's status.
   */
  #openReport(subject: ReportSubject, alreadyBlocked = false): void {
    const running = this.#running;
    this.getSnapshot().report?.dispose();
    const { t } = createTranslator(this.#deps.locale());
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
      // Reported media (RMEDIA): what the reporter may see is the engine's media decision.
      ...(running.session.downloadMedia === undefined
        ? {}
        : {
            media: {
              visible: (roomId: string, senderUserId: string, kind: MediaKind) =>
                running.rooms.incomingMedia(roomId, senderUserId, kind).effect !== "not-viewable",
              read: (roomId: string, eventId: string) =>
                running.session.downloadMedia?.(roomId, eventId, "file") ??
                Promise.reject(new Error("no media download in this session")),
              // The sheet shows a picture only as the conversation behind it already does.
              shown: (roomId: string, eventId: string) => this.#shownPicture(roomId, eventId),
              preview: async (roomId: string, eventId: string) => {
                const downloaded = await running.session.downloadMedia?.(
                  roomId,
                  eventId,
                  "preview",
                );
                if (downloaded === undefined) throw new Error("no media download in this session");
                return reportMediaDisplay().picture(downloaded.bytes, downloaded.mimetype);
              },
              release: (picture: ShownPicture) => {
                reportMediaDisplay().release(picture);
              },
            },
          }),
      alreadyBlocked,
      study: this.#deps.study,
      readerBand: running.gateway.readerBand,
      actions: {
        block: async (userId) => {
          await running.session.block(userId);
          // A blocked request is declined too, as the request screen's block does.
          if (subject.kind === "request") {
            await running.session.leave(subject.roomId);
            this.#home("requests");
          }
        },
        leave: async (roomId) => {
          await running.session.leave(roomId);
          this.#home();
        },
        help: (category) => {
          this.#deps.openHelp("after-report", category);
        },
        close: () => {
          this.#closeReport();
        },
        // "Mijn meldingen", where the outcome will show: the sheet closes, the list opens.
        myReports: () => {
          this.#closeReport();
          this.#open(() => this.#myReports());
        },
      },
    });
    // The browser's back closes the sheet (a sheet opened over a sheet is still one step).
    this.#reportStep ??= this.#deps.navigation.push(() => {
      this.#closeReport();
    });
    this.update({ ...this.getSnapshot(), report });
  }

  /** How the open conversation shows a picture now (reported media, RMEDIA); undefined: it does not. */
  #shownPicture(roomId: string, eventId: string): { readonly blurred: boolean } | undefined {
    const { screen } = this.getSnapshot();
    if (screen.kind !== "conversation") return undefined;
    const view = screen.conversation.getSnapshot();
    if (view.roomId !== roomId) return undefined;
    const row = view.rows.find((r) => r.type === "message" && r.id === eventId);
    const state = row?.type === "message" ? row.media?.state : undefined;
    return state?.kind === "picture" ? { blurred: state.blurred } : undefined;
  }

  #closeReport(): void {
    this.#reportStep?.leave();
    this.#reportStep = undefined;
    this.getSnapshot().report?.dispose();
    this.update({ ...this.getSnapshot(), report: undefined });
  }

  /** A screen on top of this one: back (its own button or the browser's) returns here. */
  #open(place: Place): void {
    const { screen } = this.getSnapshot();
    // The chat list comes back on the tab it was left on.
    const here =
      screen.kind === "chats" ? this.#chatsOn(screen.chatList.getSnapshot().tab) : this.#here;
    const step = this.#deps.navigation.push(() => {
      this.#back();
    });
    this.#trail.push({ step, place: here });
    this.#show(place);
  }

  /**
   * Another screen in place of this one (the chat just started, in place of
   * "New chat"): back skips the one replaced. `below`: where back goes then.
   */
  #replace(place: Place, below?: Place): void {
    const top = this.#trail.pop();
    if (top !== undefined) this.#trail.push({ step: top.step, place: below ?? top.place });
    this.#show(place);
  }

  /** One screen back; on the first screen, nothing (the browser's back leaves the app there). */
  #back(): void {
    const top = this.#trail.pop();
    if (top === undefined) return;
    top.step.leave();
    this.#show(top.place);
  }

  /** To the chat list: every screen in between closes (a sheet over them stays open). */
  #home(tab: HomeTab = "chats"): void {
    for (const { step } of this.#trail.splice(0).reverse()) step.leave();
    this.#show(this.#chatsOn(tab));
  }

  #show(place: Place): void {
    this.#here = place;
    this.#setScreen(place());
  }

  #chatsOn(tab: HomeTab): Place {
    return () => this.#chats(tab);
  }

  #chats(tab: HomeTab): SessionScreen {
    const running = this.#running;
    const { people, moderation } = running;
    const chatList = new ChatListViewModel(
      running.session,
      running.gateway,
      running.rooms,
      {
        openSettings: () => {
          this.#open(() => this.#settings());
        },
        // Issue 18: a new outcome shows on the settings entry, where "Mijn meldingen" is.
        outcomes: running.outcomes,
        open: (roomId) => {
          this.#open(() => this.#conversation(roomId));
        },
        openRequest: (roomId) => {
          this.#open(() => this.#request(roomId));
        },
        startNewChat: () => {
          this.#open(() => this.#newChat());
        },
        startNewGroup: () => {
          this.#open(() => this.#newGroup());
        },
        findPeople:
          people === undefined
            ? undefined
            : () => {
                this.#open(() => this.#findPeople(people));
              },
        moderation:
          moderation === undefined
            ? undefined
            : {
                isAvailable: moderation.isAvailable,
                open: () => {
                  this.#open(() => this.#moderation(moderation));
                },
              },
      },
      tab,
      running.ignoredStudyAssignment !== undefined,
      { now: Date.now, wakeAt: this.#deps.wakeAt },
    );
    return { kind: "chats", chatList };
  }

  #settings(): SessionScreen {
    const running = this.#running;
    const { people } = running;
    const settings = new SettingsViewModel({
      userId: running.session.userId,
      engine: running.gateway.engine,
      notificationContent: running.gateway.notificationContent,
      setLocale: this.#deps.setLocale ?? (() => undefined),
      device: this.#device,
      // Being findable, exactly as Find people has it (its view model, its engine decisions).
      findable:
        people === undefined
          ? undefined
          : new FindPeopleViewModel(
              people,
              {
                back: () => {
                  this.#back();
                },
                startChatWith: (userId) => {
                  this.#replace(() => this.#newChat(userId));
                },
              },
              running.gateway.readerBand,
            ),
      // "Mijn meldingen" (issue 18): this device's reports and the outcomes that came back.
      myReports: {
        open: () => {
          this.#open(() => this.#myReports());
        },
        ...(running.outcomes === undefined ? {} : { outcomes: running.outcomes }),
      },
      back: () => {
        this.#back();
      },
      signOut: async () => {
        this.#closeReport();
        await this.#deps.signOut();
      },
    });
    return { kind: "settings", settings };
  }

  #myReports(): SessionScreen {
    const running = this.#running;
    const rooms = running.rooms;
    const myReports = new MyReportsViewModel({
      reports: running.reports,
      outcomes: running.outcomes ?? NO_OUTCOMES,
      // Whom a report was about, as this device shows them (the decision store's names).
      rooms: {
        nameOf: (userId) =>
          rooms
            .rooms()
            .flatMap((room) => room.members)
            .find((member) => member.userId === userId)?.name,
        titleOf: (roomId) => rooms.room(roomId)?.title,
        subscribe: (listener) => rooms.subscribe(listener),
      },
      readerBand: running.gateway.readerBand,
      back: () => {
        this.#back();
      },
    });
    void myReports.start();
    return { kind: "my-reports", myReports };
  }

  #profile(roomId: string, userId: string): SessionScreen {
    const running = this.#running;
    const profile = new ProfileViewModel({
      source: running.session,
      rooms: running.rooms,
      gateway: running.gateway,
      roomId,
      userId,
      navigation: {
        back: () => {
          this.#back();
        },
        report: (subject) => {
          this.#openReport(subject);
        },
        help: () => {
          this.#deps.openHelp("general");
        },
      },
    });
    return { kind: "profile", profile };
  }

  #conversation(roomId: string): SessionScreen {
    const running = this.#running;
    const reminder = new ConversationReminderViewModel(
      running.session,
      running.gateway.conversationNotices,
      roomId,
      this.#deps.wakeAt,
      this.#deps.study,
      running.gateway.readerBand,
    );
    const conversation = new ConversationViewModel(
      running.session,
      running.rooms,
      roomId,
      () => {
        this.#back();
      },
      reminder,
      (subject) => {
        this.#openReport(subject);
      },
      { now: Date.now, wakeAt: this.#deps.wakeAt },
      (userId) => {
        this.#open(() => this.#profile(roomId, userId));
      },
      undefined,
      running.media &&
        new AttachmentViewModel({
          ...running.media,
          roomId,
          // The engine's outgoing media decision, read from the session's one decision store.
          decide: (id, kind) => running.rooms.outgoingMedia(id, kind),
          readerBand: () => running.rooms.room(roomId)?.readerBand ?? running.gateway.readerBand(),
        }),
      // A picture open full screen is one step: the browser's back closes it.
      (back) => this.#deps.navigation.push(back),
    );
    return { kind: "conversation", conversation };
  }

  #recovery(status: "not-set-up" | "needs-recovery-key"): SessionScreen {
    const recovery = new RecoveryViewModel(this.#running.session, status, () => {
      this.#home();
    });
    return { kind: "recovery", recovery };
  }

  #request(roomId: string): SessionScreen {
    const request = new RequestViewModel(
      this.#running.session,
      this.#running.rooms,
      roomId,
      {
        back: () => {
          this.#back();
        },
        // Accepted: the chat takes the request's place, and back goes to the chats.
        openConversation: (id) => {
          this.#replace(() => this.#conversation(id), this.#chatsOn("chats"));
        },
        report: (subject) => {
          this.#openReport(subject, true);
        },
      },
      this.#deps.study,
    );
    return { kind: "request", request };
  }

  #newGroup(): SessionScreen {
    const newGroup = new NewGroupViewModel(this.#running.session, this.#running.gateway, {
      back: () => {
        this.#back();
      },
      openConversation: (id) => {
        this.#replace(() => this.#conversation(id));
      },
    });
    return { kind: "new-group", newGroup };
  }

  #moderation(access: ModerationAccess): SessionScreen {
    const moderation = new ModerationViewModel(access, {
      back: () => {
        this.#back();
      },
    });
    void moderation.start();
    return { kind: "moderation", moderation };
  }

  #findPeople(people: PeopleFinder): SessionScreen {
    const findPeople = new FindPeopleViewModel(
      people,
      {
        back: () => {
          this.#back();
        },
        // "New chat" in place of Find people: its back goes to the chats, as its label says.
        startChatWith: (userId) => {
          this.#replace(() => this.#newChat(userId));
        },
      },
      this.#running.gateway.readerBand,
    );
    return { kind: "find-people", findPeople };
  }

  /** With `userId`, the contact decision runs at once (started from Find people). */
  #newChat(userId?: string): SessionScreen {
    const newChat = new NewChatViewModel(
      this.#running.session,
      this.#running.gateway,
      {
        back: () => {
          this.#back();
        },
        openConversation: (id) => {
          this.#replace(() => this.#conversation(id));
        },
      },
      this.#deps.study,
    );
    if (userId !== undefined) {
      newChat.setMatrixId(userId);
      void newChat.submit();
    }
    return { kind: "new-chat", newChat };
  }

  #setScreen(screen: SessionScreen): void {
    disposeScreen(this.getSnapshot().screen);
    this.update({ ...this.getSnapshot(), screen });
  }
}

/** A session whose reports carry no reply channel: the list shows delivery only. */
const NO_OUTCOMES: Pick<ReportOutcomes, "getSnapshot" | "subscribe" | "check" | "markSeen"> = {
  getSnapshot: () => ({ byReport: new Map(), withReply: new Set(), unseen: 0 }),
  subscribe: () => () => undefined,
  check: () => Promise.resolve(),
  markSeen: () => Promise.resolve(),
};

function disposeScreen(screen: SessionScreen): void {
  switch (screen.kind) {
    case "opening":
      return;
    case "chats":
      screen.chatList.dispose();
      return;
    case "conversation":
      screen.conversation.dispose();
      return;
    case "request":
      screen.request.dispose();
      return;
    case "new-chat":
      screen.newChat.dispose();
      return;
    case "find-people":
      screen.findPeople.dispose();
      return;
    case "recovery":
      screen.recovery.dispose();
      return;
    case "new-group":
      screen.newGroup.dispose();
      return;
    case "moderation":
      screen.moderation.dispose();
      return;
    case "settings":
      screen.settings.dispose();
      return;
    case "my-reports":
      screen.myReports.dispose();
      return;
    case "profile":
      screen.profile.dispose();
      return;
    default:
      assertNever(screen);
  }
}

let reportDisplay: MediaDisplay | undefined;
/** The browser's picture decoding for the report sheet's previews (none without a document). */
function reportMediaDisplay(): MediaDisplay {
  reportDisplay ??=
    typeof document === "undefined" ? noMediaDisplay : browserMediaDisplay(document);
  return reportDisplay;
}
