import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { UNVERIFIED } from "../policy/ageFacts.ts";
import { helpDecider } from "../policy/decideHelp.ts";
import { fakeBrowserHistory, type FakeBrowserHistory } from "./historyTestKit.ts";
import { Navigation } from "./navigation.ts";
import { SignedOutElsewhereError } from "../matrix/signedOutElsewhere.ts";
import { RootViewModel, type RootDependencies } from "./RootViewModel.ts";
import type { SessionScreen } from "./SessionViewModel.ts";
import { fakeSession, NOOR_CREDENTIALS as credentials } from "./sessionTestKit.ts";

function deps(overrides: Partial<RootDependencies> = {}): RootDependencies {
  return {
    defaultHomeserverUrl: "http://hs",
    initialLocale: "nl",
    saveLocale: vi.fn(),
    loadCredentials: () => undefined,
    saveCredentials: vi.fn(),
    forgetCredentials: vi.fn(),
    signIn: () => Promise.resolve({ ok: true, credentials }),
    startSession: () => Promise.resolve(fakeSession()),
    restart: vi.fn(),
    reportError: vi.fn(),
    signedOutHelp: helpDecider(
      createPolicyEngine(loadBundledPack("nl-default")),
      () => 0,
      () => UNVERIFIED,
      () => "nl-NL",
    ),
    navigation: new Navigation(fakeBrowserHistory().browser, "load-1"),
    leaveApp: vi.fn(),
    now: () => 0,
    ...overrides,
  };
}

/** A root on a fake browser, its clock in `clock.now`, signed in (Noor) unless told otherwise. */
async function inBrowser(signedIn = true): Promise<{
  root: RootViewModel;
  browser: FakeBrowserHistory;
  d: RootDependencies;
  clock: { now: number };
}> {
  const browser = fakeBrowserHistory(["the page before"]);
  const clock = { now: 0 };
  const d = deps({
    loadCredentials: () => (signedIn ? credentials : undefined),
    navigation: new Navigation(browser.browser, "load-1"),
    now: () => clock.now,
  });
  const root = new RootViewModel(d);
  await root.start();
  return { root, browser, d, clock };
}

function pressBack(browser: FakeBrowserHistory): void {
  browser.pressBack();
  browser.settle();
  browser.settle();
}

/** The signed-in session's screen; fails the test when no session is signed in. */
function sessionScreen(root: RootViewModel): SessionScreen {
  const { phase } = root.getSnapshot();
  if (phase.kind !== "signed-in") throw new Error(`expected signed-in, got ${phase.kind}`);
  return phase.session.getSnapshot().screen;
}

describe("RootViewModel", () => {
  it("shows sign-in when nothing is remembered, then the chats after signing in", async () => {
    const d = deps();
    const root = new RootViewModel(d);
    expect(root.getSnapshot().phase.kind).toBe("starting");
    await root.start();
    const phase = root.getSnapshot().phase;
    if (phase.kind !== "signed-out") throw new Error(`expected signed-out, got ${phase.kind}`);
    phase.signIn.setUsername("noor");
    phase.signIn.setPassword("pw");
    await phase.signIn.submit();
    // The session's screens load with import() first: slow on a busy machine, never wrong.
    await vi.waitFor(
      () => {
        expect(sessionScreen(root).kind).toBe("chats");
      },
      { timeout: 10_000 },
    );
    expect(d.saveCredentials).toHaveBeenCalledWith(credentials);
  });

  it("after the sign-in form, offers the recovery key before the chats when none is set up", async () => {
    const running = fakeSession({ recoveryStatus: () => Promise.resolve("not-set-up") });
    const root = new RootViewModel(deps({ startSession: () => Promise.resolve(running) }));
    await root.start();
    const phase = root.getSnapshot().phase;
    if (phase.kind !== "signed-out") throw new Error("expected signed-out");
    phase.signIn.setUsername("noor");
    phase.signIn.setPassword("pw");
    await phase.signIn.submit();
    await vi.waitFor(
      () => {
        expect(sessionScreen(root).kind).toBe("recovery");
      },
      { timeout: 10_000 },
    );
  });

  it("a sign-in link that signs in by itself (a classroom seat's QR code) is a fresh sign-in, remembered", async () => {
    const running = fakeSession({ recoveryStatus: () => Promise.resolve("not-set-up") });
    const d = deps({
      startSession: () => Promise.resolve(running),
      linkSignIn: Promise.resolve({ ok: true, credentials }),
    });
    const root = new RootViewModel(d);
    await root.start();
    expect(d.saveCredentials).toHaveBeenCalledWith(credentials);
    // Just signed in: the recovery key is offered, as after the form (unless the session says no).
    expect(sessionScreen(root).kind).toBe("recovery");
  });

  it("a seat link that did not sign in says why on its own, without the form; a device already signed in goes on", async () => {
    const used = {
      ok: false as const,
      error: { key: "signIn.error.seatCodeUsed" as const, params: {} },
    };
    const signedOut = new RootViewModel(deps({ linkSignIn: Promise.resolve(used) }));
    await signedOut.start();
    const phase = signedOut.getSnapshot().phase;
    if (phase.kind !== "signed-out") throw new Error(`expected signed-out, got ${phase.kind}`);
    expect(phase.signIn.getSnapshot()).toMatchObject({
      seatLinkProblem: { key: "signIn.error.seatCodeUsed" },
      error: undefined,
    });
    // The phone that used the code scans it again: it is signed in, and stays so.
    const signedIn = new RootViewModel(
      deps({ linkSignIn: Promise.resolve(used), loadCredentials: () => credentials }),
    );
    await signedIn.start();
    expect(sessionScreen(signedIn).kind).toBe("chats");
  });

  it("resumes a remembered session; the chat list holds accepted chats only", async () => {
    const root = new RootViewModel(deps({ loadCredentials: () => credentials }));
    await root.start();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error(`expected chats, got ${screen.kind}`);
    expect(screen.chatList.getSnapshot().chats.map((c) => c.title)).toEqual([
      { kind: "people", names: [{ kind: "name", label: "Lotte", userId: "@lotte:hs" }] },
    ]);
  });

  it("shows the loading stages the session's start reports, then the chats", async () => {
    let report: ((stage: "app" | "keys" | "sync") => void) | undefined;
    let started: (() => void) | undefined;
    const running = fakeSession();
    const root = new RootViewModel(
      deps({
        loadCredentials: () => credentials,
        startSession: (_credentials, reached) =>
          new Promise((resolve) => {
            report = reached;
            started = () => {
              resolve(running);
            };
          }),
      }),
    );
    const starting = root.start();
    const stage = (): string => {
      const { phase } = root.getSnapshot();
      if (phase.kind !== "starting") throw new Error(`expected starting, got ${phase.kind}`);
      return phase.loading.getSnapshot().stage;
    };
    await vi.waitFor(() => {
      expect(report).toBeDefined();
    });
    expect(stage()).toBe("app");
    report?.("keys");
    expect(stage()).toBe("keys");
    report?.("sync");
    expect(stage()).toBe("sync");
    started?.();
    await starting;
    expect(sessionScreen(root).kind).toBe("chats");
  });

  it("offers a retry on the loading screen after 20 seconds", () => {
    let wake: (() => void) | undefined;
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => new Promise(() => undefined),
      wakeAt: (time, callback) => {
        expect(time).toBe(20_000);
        wake = callback;
        return () => undefined;
      },
    });
    const root = new RootViewModel(d);
    void root.start();
    const { phase } = root.getSnapshot();
    if (phase.kind !== "starting") throw new Error(`expected starting, got ${phase.kind}`);
    wake?.();
    expect(phase.loading.getSnapshot().slow).toBe(true);
    phase.loading.retry();
    expect(d.restart).toHaveBeenCalledOnce();
  });

  it("forgets a session that cannot start and says so on the sign-in screen", async () => {
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.reject(new Error("token revoked")),
    });
    const root = new RootViewModel(d);
    await root.start();
    const phase = root.getSnapshot().phase;
    if (phase.kind !== "signed-out") throw new Error(`expected signed-out, got ${phase.kind}`);
    expect(phase.signIn.getSnapshot().error?.key).toBe("session.startFailed");
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    expect(d.reportError).toHaveBeenCalled();
  });

  it("signing out stops and forgets the session, disposes its screens and returns to sign-in", async () => {
    const running = fakeSession();
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.resolve(running),
    });
    const root = new RootViewModel(d);
    await root.start();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error("expected chats");
    const listener = vi.fn();
    screen.chatList.subscribe(listener);
    await signOutFromSettings(root);
    expect(running.stop).toHaveBeenCalled();
    expect(running.session.signOut).toHaveBeenCalled();
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    expect(root.getSnapshot().phase.kind).toBe("signed-out");
    // The chat list was disposed with the session: a tab change reaches no one.
    screen.chatList.showTab("requests");
    expect(listener).not.toHaveBeenCalled();
  });

  it("a device signed out elsewhere goes back to sign-in with a kind word, clearing what sign-out clears", async () => {
    let signedOutElsewhere = false;
    const listeners = new Set<() => void>();
    const running = fakeSession({
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    // The fact as ChatSession has it: a getter that turns true once.
    Object.defineProperty(running.session, "signedOutElsewhere", {
      get: () => signedOutElsewhere,
    });
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.resolve(running),
    });
    const root = new RootViewModel(d);
    await root.start();
    expect(sessionScreen(root).kind).toBe("chats");
    // A sync before the sign-out changes nothing.
    for (const listener of listeners) listener();
    expect(root.getSnapshot().phase.kind).toBe("signed-in");
    signedOutElsewhere = true;
    for (const listener of [...listeners]) listener();
    const phase = root.getSnapshot().phase;
    if (phase.kind !== "signed-out") throw new Error(`expected signed-out, got ${phase.kind}`);
    expect(phase.signIn.getSnapshot()).toMatchObject({
      notice: { key: "signIn.notice.signedOutElsewhere" },
      error: undefined,
      seatLinkProblem: undefined,
    });
    // The session and its services stop; credentials and unsent photos go
    // (forgetCredentials); the stores go without asking the server, which
    // refuses this token. The report outbox is not touched (see RootViewModel).
    expect(running.stop).toHaveBeenCalledOnce();
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    await vi.waitFor(() => {
      expect(running.session.forget).toHaveBeenCalledOnce();
    });
    expect(running.session.signOut).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0);
    expect(d.reportError).not.toHaveBeenCalled();
  });

  it("a remembered device signed out while the app was closed starts at sign-in with the same word", async () => {
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.reject(new SignedOutElsewhereError()),
    });
    const root = new RootViewModel(d);
    await root.start();
    const phase = root.getSnapshot().phase;
    if (phase.kind !== "signed-out") throw new Error(`expected signed-out, got ${phase.kind}`);
    expect(phase.signIn.getSnapshot().notice?.key).toBe("signIn.notice.signedOutElsewhere");
    expect(phase.signIn.getSnapshot().error).toBeUndefined();
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    expect(d.reportError).not.toHaveBeenCalled();
  });

  it("says so when the server does not take the sign-out, and signs out locally anyway", async () => {
    const running = fakeSession({ signOut: () => Promise.reject(new Error("offline")) });
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.resolve(running),
    });
    const root = new RootViewModel(d);
    await root.start();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error("expected chats");
    await signOutFromSettings(root);
    expect(d.reportError).toHaveBeenCalledWith(
      "signing out on the server failed",
      expect.any(Error),
    );
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    expect(root.getSnapshot().phase.kind).toBe("signed-out");
  });

  it("opens help from the sign-in screen, before any session, and quick exit leaves the app", async () => {
    const { root, d, browser } = await inBrowser(false);
    root.openHelp();
    const help = root.getSnapshot().help;
    expect(help?.getSnapshot().resources).toContain("kindertelefoon");
    root.quickExit();
    expect(d.leaveApp).toHaveBeenCalledTimes(1);
    expect(root.getSnapshot().help).toBeUndefined();
    expect(root.getSnapshot().phase.kind).toBe("signed-out");
    // The app's entry is being replaced by the neutral site: the history is left alone.
    browser.settle();
    expect(browser.index()).toBe(2);
  });

  it("after signing in, help is decided for this person; quick exit leaves and leaves the chat list behind", async () => {
    const { root, d } = await inBrowser();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error("expected chats");
    screen.chatList.open("!a");
    expect(sessionScreen(root).kind).toBe("conversation");
    root.openHelp("after-warning");
    expect(root.getSnapshot().help?.getSnapshot().moment).toBe("after-warning");
    root.quickExit();
    expect(d.leaveApp).toHaveBeenCalledTimes(1);
    expect(root.getSnapshot().help).toBeUndefined();
    expect(sessionScreen(root).kind).toBe("chats");
  });

  it("quick exit from a conversation's report sheet closes all; coming back shows the chat list", async () => {
    const { root, d, browser } = await inBrowser();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error("expected chats");
    screen.chatList.open("!a");
    const conversation = sessionScreen(root);
    if (conversation.kind !== "conversation") throw new Error("expected conversation");
    conversation.conversation.reportMessage("$hi");
    root.quickExit();
    expect(d.leaveApp).toHaveBeenCalledTimes(1);
    const { phase } = root.getSnapshot();
    if (phase.kind !== "signed-in") throw new Error("expected signed-in");
    expect(phase.session.getSnapshot().report).toBeUndefined();
    expect(sessionScreen(root).kind).toBe("chats");
    // Back from the neutral site lands on an entry under it: the app brings the browser to its first.
    pressBack(browser);
    expect(browser.index()).toBe(1);
    expect(sessionScreen(root).kind).toBe("chats");
  });

  it("the browser's back closes help and returns to the screen under it", async () => {
    const { root, browser } = await inBrowser();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error("expected chats");
    screen.chatList.open("!a");
    root.openHelp();
    pressBack(browser);
    expect(root.getSnapshot().help).toBeUndefined();
    expect(sessionScreen(root).kind).toBe("conversation");
    pressBack(browser);
    expect(sessionScreen(root).kind).toBe("chats");
    pressBack(browser);
    expect(browser.leftTheApp()).toBe(1);
  });

  it("help opened over the report sheet closes first; the sheet stays until the next back", async () => {
    const { root, browser } = await inBrowser();
    const screen = sessionScreen(root);
    if (screen.kind !== "chats") throw new Error("expected chats");
    screen.chatList.open("!a");
    const conversation = sessionScreen(root);
    if (conversation.kind !== "conversation") throw new Error("expected conversation");
    conversation.conversation.reportMessage("$hi");
    root.openHelp();
    const { phase } = root.getSnapshot();
    if (phase.kind !== "signed-in") throw new Error("expected signed-in");
    pressBack(browser);
    expect(root.getSnapshot().help).toBeUndefined();
    expect(phase.session.getSnapshot().report).toBeDefined();
    pressBack(browser);
    expect(phase.session.getSnapshot().report).toBeUndefined();
    expect(sessionScreen(root).kind).toBe("conversation");
  });

  it("on the sign-in screen the browser's back leaves the app: no back trap", async () => {
    const { browser } = await inBrowser(false);
    pressBack(browser);
    expect(browser.leftTheApp()).toBe(1);
  });

  it("Escape three times within a second and a half is the quick exit; slower is not", async () => {
    const { root, d, clock } = await inBrowser();
    for (const at of [0, 1000, 2000, 3000]) {
      clock.now = at;
      root.escapePressed();
    }
    expect(d.leaveApp).not.toHaveBeenCalled();
    for (const at of [10_000, 10_400, 10_900]) {
      clock.now = at;
      root.escapePressed();
    }
    expect(d.leaveApp).toHaveBeenCalledTimes(1);
    // Counting starts again after a quick exit.
    clock.now = 11_000;
    root.escapePressed();
    expect(d.leaveApp).toHaveBeenCalledTimes(1);
  });

  it("stops the running session when it is disposed", async () => {
    const running = fakeSession();
    const root = new RootViewModel(
      deps({ loadCredentials: () => credentials, startSession: () => Promise.resolve(running) }),
    );
    await root.start();
    root.dispose();
    expect(running.stop).toHaveBeenCalled();
    expect(running.session.stop).toHaveBeenCalled();
  });
});

describe("RootViewModel: the language", () => {
  it("switches once the language's words are loaded, and saves the choice then", async () => {
    let loaded: () => void = () => undefined;
    const d = deps({
      loadLocale: (locale) =>
        locale === "nl"
          ? undefined
          : new Promise<void>((resolve) => {
              loaded = resolve;
            }),
    });
    const root = new RootViewModel(d);
    root.setLocale("en");
    expect(root.getSnapshot().locale).toBe("nl");
    expect(d.saveLocale).not.toHaveBeenCalled();

    loaded();
    await Promise.resolve();
    expect(root.getSnapshot().locale).toBe("en");
    expect(d.saveLocale).toHaveBeenCalledWith("en");
  });

  it("keeps the language chosen last when an earlier choice finishes loading after it", async () => {
    let loaded: () => void = () => undefined;
    const d = deps({
      loadLocale: (locale) =>
        locale === "nl"
          ? undefined
          : new Promise<void>((resolve) => {
              loaded = resolve;
            }),
    });
    const root = new RootViewModel(d);
    root.setLocale("en");
    root.setLocale("nl");
    loaded();
    await Promise.resolve();
    expect(root.getSnapshot().locale).toBe("nl");
    expect(d.saveLocale).toHaveBeenCalledTimes(1);
  });

  it("stays in the language shown, and reports it, when the words cannot be loaded", async () => {
    const d = deps({ loadLocale: () => Promise.reject(new Error("offline")) });
    const root = new RootViewModel(d);
    root.setLocale("en");
    await Promise.resolve();
    await Promise.resolve();
    expect(root.getSnapshot().locale).toBe("nl");
    expect(d.reportError).toHaveBeenCalledWith(
      "the words of this language did not load",
      expect.any(Error),
    );
  });
});

/** Signs out as a person does: Settings, from the chat list's header, then "Sign out". */
async function signOutFromSettings(root: RootViewModel): Promise<void> {
  const chats = sessionScreen(root);
  if (chats.kind !== "chats") throw new Error("expected chats");
  chats.chatList.openSettings();
  const settings = sessionScreen(root);
  if (settings.kind !== "settings") throw new Error("expected settings");
  await settings.settings.signOut();
}
