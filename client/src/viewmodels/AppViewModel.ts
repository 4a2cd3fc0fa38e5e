// The application's top view model: which screen shows, and the session's
// life cycle (restore on load, sign in, sign out). Its dependencies come in
// from main.tsx, so tests can run it without a browser or a homeserver.

import type { Locale } from "../i18n/i18n.ts";
import type { SessionCredentials, SignInResult } from "../matrix/signIn.ts";
import { ChatListViewModel, type ChatListSource } from "./ChatListViewModel.ts";
import { ConversationViewModel, type ConversationSource } from "./ConversationViewModel.ts";
import { SignInViewModel, type SignInError } from "./SignInViewModel.ts";
import { ViewModel } from "./ViewModel.ts";

/** A running session as the app sees it. */
export type RunningSession = ChatListSource &
  ConversationSource & {
    stop(): void;
    signOut(): Promise<void>;
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
};

export type AppScreen =
  | { readonly kind: "restoring" }
  | { readonly kind: "sign-in"; readonly signIn: SignInViewModel }
  | { readonly kind: "chats"; readonly chatList: ChatListViewModel }
  | { readonly kind: "conversation"; readonly conversation: ConversationViewModel };

export type AppSnapshot = {
  readonly locale: Locale;
  readonly screen: AppScreen;
};

export class AppViewModel extends ViewModel<AppSnapshot> {
  readonly #deps: AppDependencies;
  #session: RunningSession | undefined;

  constructor(deps: AppDependencies) {
    super({ locale: deps.initialLocale, screen: { kind: "restoring" } });
    this.#deps = deps;
  }

  /** Resumes a remembered session, or shows sign-in. */
  async start(): Promise<void> {
    const credentials = this.#deps.loadCredentials();
    if (credentials === undefined) {
      this.#showSignIn();
      return;
    }
    await this.#startSession(credentials);
  }

  readonly setLocale = (locale: Locale): void => {
    this.#deps.saveLocale(locale);
    this.update({ ...this.getSnapshot(), locale });
  };

  override dispose(): void {
    this.#disposeScreen();
    this.#session?.stop();
    super.dispose();
  }

  async #startSession(credentials: SessionCredentials): Promise<void> {
    this.#setScreen({ kind: "restoring" });
    try {
      const session = await this.#deps.startSession(credentials);
      this.#session = session;
      this.#showChats();
    } catch (error) {
      this.#deps.reportError("starting the session failed", error);
      this.#deps.forgetCredentials(credentials.userId);
      this.#showSignIn({ key: "session.startFailed", params: {} });
    }
  }

  async #signOut(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (session !== undefined) {
      this.#deps.forgetCredentials(session.userId);
      try {
        await session.signOut();
      } catch (error) {
        // The local stores are cleared either way; the server may keep the device.
        this.#deps.reportError("signing out on the server failed", error);
      }
    }
    this.#showSignIn();
  }

  #showChats(): void {
    const session = this.#session;
    if (session === undefined) return;
    const chatList = new ChatListViewModel(session, {
      signOut: () => this.#signOut(),
      open: (roomId) => {
        this.#showConversation(roomId);
      },
    });
    this.#setScreen({ kind: "chats", chatList });
  }

  #showConversation(roomId: string): void {
    const session = this.#session;
    if (session === undefined) return;
    const conversation = new ConversationViewModel(session, roomId, () => {
      this.#showChats();
    });
    this.#setScreen({ kind: "conversation", conversation });
  }

  #showSignIn(error?: SignInError): void {
    const signIn = new SignInViewModel(
      {
        defaultHomeserverUrl: this.#deps.defaultHomeserverUrl,
        signIn: this.#deps.signIn,
        onSignedIn: (credentials) => {
          this.#deps.saveCredentials(credentials);
          void this.#startSession(credentials);
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
  }
}
