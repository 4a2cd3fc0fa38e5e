// View-model layer: the application's top. Signed out, starting or signed in;
// the session's life cycle (restore on load, sign in, sign out); and what
// exists before any session: the language, the help screen and the quick
// exit. Once a session runs, its screens belong to a SessionViewModel that
// lives as long as it. Dependencies come in from main.tsx (the browser's
// history through Navigation), so tests run it without a browser or a
// homeserver.
// (Over 400 lines: the session's life cycle, sign-out elsewhere included, is one state machine.)

import type { ReportCategory } from "@safety-by-design/policy-engine";
import type { Locale } from "../i18n/i18n.ts";
import { isSignedOutElsewhere } from "../matrix/signedOutElsewhere.ts";
import type { SessionCredentials, SignInResult } from "../matrix/signIn.ts";
import type { HelpDecider } from "../policy/decideHelp.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import type { DevicePorts } from "./device.ts";
import type { WakeAt } from "./ConversationReminderViewModel.ts";
import { HelpViewModel, type HelpMomentView } from "./HelpViewModel.ts";
import { SessionLoadingViewModel, type LoadingStage } from "./SessionLoadingViewModel.ts";
import type { BackStep, Navigation } from "./navigation.ts";
import type { RunningSession, SessionViewModel } from "./SessionViewModel.ts";
import {
  SignInViewModel,
  type SignInError,
  type SignInMessage,
  type SignInPrefill,
} from "./SignInViewModel.ts";
import { assertNever } from "./assertNever.ts";
import { ViewModel } from "./ViewModel.ts";

export type RootDependencies = {
  readonly defaultHomeserverUrl: string;
  readonly initialLocale: Locale;
  readonly saveLocale: (locale: Locale) => void;
  /**
   * Fetches a language's words before the screen switches to it (i18n.ts
   * `loadLocale`: English loads when first chosen); undefined when they are
   * already there. Without it, every language is.
   */
  readonly loadLocale?: (locale: Locale) => Promise<void> | undefined;
  readonly loadCredentials: () => SessionCredentials | undefined;
  readonly saveCredentials: (credentials: SessionCredentials) => void;
  readonly forgetCredentials: (userId: string) => void;
  readonly signIn: (
    homeserverUrl: string,
    username: string,
    password: string,
  ) => Promise<SignInResult>;
  /**
   * Starts the SDK and crypto; loaded lazily so the sign-in screen never waits
   * for them. `reached` reports each loading stage as it begins (the app's
   * code first, then the encryption keys, then the first sync).
   */
  readonly startSession: (
    credentials: SessionCredentials,
    reached: (stage: LoadingStage) => void,
  ) => Promise<RunningSession>;
  /** The loading screen's retry, when starting takes too long (main.tsx: reload the page). */
  readonly restart: () => void;
  readonly reportError: (message: string, error: unknown) => void;
  /** Help decisions before sign-in, when nothing is known about the person. */
  readonly signedOutHelp: HelpDecider;
  /** The browser's back button: one step per screen and per open dialog. */
  readonly navigation: Navigation;
  /**
   * The quick exit: leaves the app for a neutral site, replacing the app's
   * current history entry (main.tsx: `location.replace`).
   */
  readonly leaveApp: () => void;
  /** Milliseconds, for the quick exit's key (Escape three times, quickly). */
  readonly now: () => number;
  /** Wakes a conversation's reminder when the engine's time for it is up (default: timers). */
  readonly wakeAt?: WakeAt;
  /** The lab device's study log (records only with consent); default NO_STUDY, nothing. */
  readonly study?: StudyRecorder;
  /** A local demo's sign-in link: fills in the first sign-in form shown, once. */
  readonly signInPrefill?: SignInPrefill | undefined;
  /**
   * A sign-in link that signs in by itself (a classroom seat's one-time QR
   * code, study/seatSignIn.ts), under way as the app starts: its credentials
   * count as signing in now; its error shows on its own (no form: a
   * participant never types a password), unless this device is signed in
   * already. Undefined: no such link.
   */
  readonly linkSignIn?:
    | Promise<
        | { readonly ok: true; readonly credentials: SessionCredentials }
        | { readonly ok: false; readonly error: SignInError }
      >
    | undefined;
  /** The theme and notifications of this device (main.tsx: the browser's); default in memory. */
  readonly device?: DevicePorts | undefined;
};

/** What the sign-in screen says after this device was signed out elsewhere. */
const SIGNED_OUT_ELSEWHERE: SignInError = { key: "signIn.notice.signedOutElsewhere", params: {} };

/** The quick exit's key: Escape this many times ... */
const QUICK_EXIT_KEY_PRESSES = 3;
/** ... within this many milliseconds. */
const QUICK_EXIT_KEY_WINDOW_MS = 1500;

export type RootPhase =
  /** Restoring a remembered session, or starting the one just signed in to: its loading stages. */
  | { readonly kind: "starting"; readonly loading: SessionLoadingViewModel }
  | { readonly kind: "signed-out"; readonly signIn: SignInViewModel }
  | { readonly kind: "signed-in"; readonly session: SessionViewModel };

export type RootSnapshot = {
  readonly locale: Locale;
  readonly phase: RootPhase;
  /** The help screen, over whatever is open; undefined when closed. */
  readonly help: HelpViewModel | undefined;
};

export class RootViewModel extends ViewModel<RootSnapshot> {
  readonly #deps: RootDependencies;
  readonly #study: StudyRecorder;
  /** The running session, from its start until sign-out: its own help decisions, its stop. */
  #running: RunningSession | undefined;
  /** Stops watching the running session for a sign-out elsewhere. */
  #unwatchSession: (() => void) | undefined;
  #signInPrefill: SignInPrefill | undefined;
  /** The open help screen's step back; undefined while help is closed. */
  #helpStep: BackStep | undefined;
  /** When Escape was last pressed, newest last (the quick exit's key). */
  #escapes: number[] = [];
  /** The language chosen last, shown once its words are loaded. */
  #chosenLocale: Locale | undefined;

  constructor(deps: RootDependencies) {
    super({ locale: deps.initialLocale, phase: startingPhase(deps), help: undefined });
    this.#deps = deps;
    this.#study = deps.study ?? NO_STUDY;
    this.#signInPrefill = deps.signInPrefill;
  }

  /** Resumes a remembered session, or shows sign-in. */
  async start(): Promise<void> {
    const linked = await this.#deps.linkSignIn;
    if (linked?.ok === true) {
      this.#deps.saveCredentials(linked.credentials);
      await this.#startSession(linked.credentials, true);
      return;
    }
    const credentials = this.#deps.loadCredentials();
    if (credentials === undefined) {
      this.#showSignIn(
        linked === undefined ? undefined : { kind: "seat-link", error: linked.error },
      );
      return;
    }
    await this.#startSession(credentials, false);
  }

  readonly setLocale = (locale: Locale): void => {
    this.#chosenLocale = locale;
    const show = (): void => {
      // A language chosen while this one loaded wins.
      if (this.#chosenLocale !== locale) return;
      this.#deps.saveLocale(locale);
      this.update({ ...this.getSnapshot(), locale });
    };
    const loading = this.#deps.loadLocale?.(locale);
    if (loading === undefined) {
      show();
      return;
    }
    loading.then(show, (error: unknown) => {
      this.#deps.reportError("the words of this language did not load", error);
    });
  };

  /** One tap from any screen, signed in or not. */
  readonly openHelp = (
    moment: HelpMomentView = "general",
    reportCategory?: ReportCategory,
  ): void => {
    this.getSnapshot().help?.dispose();
    const decide = this.#running?.gateway.help ?? this.#deps.signedOutHelp;
    const help = new HelpViewModel(
      decide,
      moment,
      {
        close: () => {
          this.#closeHelp();
        },
      },
      reportCategory,
      this.#study,
      this.#running?.gateway.readerBand() ?? "unverified",
    );
    // Help opened over help (from a sheet's help) is still one step back.
    this.#helpStep ??= this.#deps.navigation.push(() => {
      this.#closeHelp();
    });
    this.#study.record({ kind: "help-opened", moment });
    this.update({ ...this.getSnapshot(), help });
  };

  /**
   * Quick exit, from every screen: leaves the app at once for a neutral
   * site, in place of the app's history entry, as help sites for abuse at
   * home do. What stays behind is the plain first screen (the chat list or
   * sign-in), should someone come back to the app.
   */
  readonly quickExit = (): void => {
    this.#deps.navigation.suspend();
    // Leave first: nothing may hold it up.
    this.#deps.leaveApp();
    this.#closeHelp();
    const { phase } = this.getSnapshot();
    if (phase.kind === "signed-in") phase.session.quickExit();
  };

  /**
   * Escape was pressed (not held down): three times within a second and a
   * half is the quick exit's key. Escape closes dialogs too, but no one types
   * it three times quickly by accident.
   */
  readonly escapePressed = (): void => {
    const now = this.#deps.now();
    this.#escapes = [...this.#escapes, now].filter((at) => now - at <= QUICK_EXIT_KEY_WINDOW_MS);
    if (this.#escapes.length < QUICK_EXIT_KEY_PRESSES) return;
    this.#escapes = [];
    this.quickExit();
  };

  override dispose(): void {
    disposePhase(this.getSnapshot().phase);
    this.getSnapshot().help?.dispose();
    this.#unwatchSession?.();
    this.#running?.stop();
    this.#running?.session.stop();
    this.#deps.navigation.dispose();
    super.dispose();
  }

  #closeHelp(): void {
    this.#helpStep?.leave();
    this.#helpStep = undefined;
    this.getSnapshot().help?.dispose();
    this.update({ ...this.getSnapshot(), help: undefined });
  }

  /** `justSignedIn`: after the sign-in form (not a reload), the recovery key is offered or asked for. */
  async #startSession(credentials: SessionCredentials, justSignedIn: boolean): Promise<void> {
    const phase = startingPhase(this.#deps);
    this.#setPhase(phase);
    try {
      // The session's view models load while it starts: the sign-in screen never waits for them.
      const screens = Promise.all([
        import("./SessionViewModel.ts"),
        import("./ConversationReminderViewModel.ts"),
      ]);
      const running = await this.#deps.startSession(credentials, phase.loading.reached);
      phase.loading.reached("done");
      this.#running = running;
      this.#watchForSignOutElsewhere(running);
      const [{ SessionViewModel }, { wakeAtWithTimers }] = await screens;
      const session = new SessionViewModel(running, {
        locale: () => this.getSnapshot().locale,
        openHelp: this.openHelp,
        signOut: () => this.#signOut(),
        reportError: this.#deps.reportError,
        wakeAt: this.#deps.wakeAt ?? wakeAtWithTimers(),
        study: this.#study,
        navigation: this.#deps.navigation,
        setLocale: this.setLocale,
        device: this.#deps.device,
      });
      if (this.#running !== running) {
        // Signed out elsewhere while the screens loaded: the sign-in screen shows already.
        session.dispose();
        return;
      }
      this.#setPhase({ kind: "signed-in", session });
      await session.open(justSignedIn);
    } catch (error) {
      if (isSignedOutElsewhere(error)) {
        // The remembered device was signed out while the app was closed (its
        // stores are gone already): not a failure, a fresh sign-in.
        this.#deps.forgetCredentials(credentials.userId);
        this.#showSignIn({ kind: "notice", notice: SIGNED_OUT_ELSEWHERE });
        return;
      }
      this.#deps.reportError("starting the session failed", error);
      this.#deps.forgetCredentials(credentials.userId);
      this.#showSignIn({ kind: "error", error: { key: "session.startFailed", params: {} } });
    }
  }

  /**
   * The homeserver refuses the session's token from now on (the device was
   * signed out elsewhere): back to sign-in, with a word why.
   */
  #watchForSignOutElsewhere(running: RunningSession): void {
    const check = (): void => {
      if (running.session.signedOutElsewhere) void this.#signedOutElsewhere(running);
    };
    const unsubscribe = running.session.subscribe(check);
    this.#unwatchSession = () => {
      unsubscribe();
      this.#unwatchSession = undefined;
    };
    check();
  }

  /**
   * Clears what signing out clears (the credentials, the unsent photos, the
   * SDK's stores), but asks the server nothing. The report outbox stays, as
   * at every sign-out: the same account's next sign-in sends what waits there.
   */
  async #signedOutElsewhere(running: RunningSession): Promise<void> {
    if (this.#running !== running) return;
    this.#running = undefined;
    this.#unwatchSession?.();
    running.stop();
    this.#deps.forgetCredentials(running.session.userId);
    this.#showSignIn({ kind: "notice", notice: SIGNED_OUT_ELSEWHERE });
    try {
      await running.session.forget();
    } catch (error) {
      this.#deps.reportError(
        "the stores of a session signed out elsewhere were not deleted",
        error,
      );
    }
  }

  async #signOut(): Promise<void> {
    const running = this.#running;
    this.#running = undefined;
    this.#unwatchSession?.();
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

  #showSignIn(message?: SignInMessage): void {
    const prefill = this.#signInPrefill;
    this.#signInPrefill = undefined;
    const signIn = new SignInViewModel({
      defaultHomeserverUrl: this.#deps.defaultHomeserverUrl,
      prefill,
      message,
      signIn: this.#deps.signIn,
      onSignedIn: (credentials) => {
        this.#deps.saveCredentials(credentials);
        void this.#startSession(credentials, true);
      },
    });
    this.#setPhase({ kind: "signed-out", signIn });
  }

  #setPhase(phase: RootPhase): void {
    disposePhase(this.getSnapshot().phase);
    this.update({ ...this.getSnapshot(), phase });
  }
}

function startingPhase(deps: RootDependencies): RootPhase & { kind: "starting" } {
  const loading = new SessionLoadingViewModel({
    now: deps.now,
    wakeAt: deps.wakeAt ?? wakeAtWithTimeout(deps.now),
    retry: deps.restart,
  });
  return { kind: "starting", loading };
}

/** The platform's timers (the screens' own WakeAt loads with them, after sign-in). */
function wakeAtWithTimeout(now: () => number): WakeAt {
  return (time, callback) => {
    const handle = setTimeout(callback, Math.max(0, time - now()));
    return () => {
      clearTimeout(handle);
    };
  };
}

function disposePhase(phase: RootPhase): void {
  switch (phase.kind) {
    case "starting":
      phase.loading.dispose();
      return;
    case "signed-out":
      phase.signIn.dispose();
      return;
    case "signed-in":
      phase.session.dispose();
      return;
    default:
      assertNever(phase);
  }
}
