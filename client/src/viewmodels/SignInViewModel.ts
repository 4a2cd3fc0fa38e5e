// View model of the sign-in screen: the form's state, its validation, and
// the outcome of a sign-in attempt as a message key the view translates.

import type { SessionCredentials, SignInFailure, SignInResult } from "../matrix/signIn.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { assertNever } from "./assertNever.ts";
import { ViewModel } from "./ViewModel.ts";

export type SignInError = {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
};

/** What the sign-in screen opens with, besides the form (RootViewModel decides it). */
export type SignInMessage =
  /** Starting the remembered session failed: an error above the form. */
  | { readonly kind: "error"; readonly error: SignInError }
  /** Nothing went wrong here (e.g. signed out on another device): a calm word above the form. */
  | { readonly kind: "notice"; readonly notice: SignInError }
  /**
   * A classroom seat's QR link did not sign in: its message on its own, no
   * form (a participant never needs one); a small link opens the form.
   */
  | { readonly kind: "seat-link"; readonly error: SignInError };

export type SignInSnapshot = {
  readonly homeserverUrl: string;
  readonly username: string;
  readonly password: string;
  readonly serverFieldOpen: boolean;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  /** A calm message above the form (not an error); gone once the person signs in again. */
  readonly notice: SignInError | undefined;
  /**
   * A seat's QR link was used and did not sign in: the screen shows this
   * message instead of the form, until "sign in by hand". Undefined: the form.
   */
  readonly seatLinkProblem: SignInError | undefined;
  /** The form was opened from a seat link's problem: the first field takes the focus. */
  readonly openedByHand: boolean;
};

/**
 * What a local demo's one-click sign-in link (`#signin=noor`) fills in, so the
 * person only taps "Inloggen". The password only in a demo build, which has
 * one shared password that the demo prints anyway.
 */
export type SignInPrefill = {
  readonly username: string;
  readonly password: string | undefined;
};

export type SignInDependencies = {
  readonly defaultHomeserverUrl: string;
  /** From a demo's sign-in link; undefined: the form starts empty. */
  readonly prefill?: SignInPrefill | undefined;
  /** What the screen opens with; undefined: the plain form. */
  readonly message?: SignInMessage | undefined;
  readonly signIn: (
    homeserverUrl: string,
    username: string,
    password: string,
  ) => Promise<SignInResult>;
  readonly onSignedIn: (credentials: SessionCredentials) => void;
};

/** What the sign-in view may ask for. */
export type SignInViewActions = {
  readonly setUsername: (username: string) => void;
  readonly setPassword: (password: string) => void;
  readonly setHomeserverUrl: (homeserverUrl: string) => void;
  readonly openServerField: () => void;
  readonly submit: () => Promise<void>;
  /** After a seat link's problem: the form, for a facilitator or a demo. */
  readonly signInByHand: () => void;
};

export class SignInViewModel extends ViewModel<SignInSnapshot> implements SignInViewActions {
  readonly #deps: SignInDependencies;

  constructor(deps: SignInDependencies) {
    const message = deps.message;
    super({
      homeserverUrl: deps.defaultHomeserverUrl,
      username: deps.prefill?.username ?? "",
      password: deps.prefill?.password ?? "",
      serverFieldOpen: false,
      busy: false,
      error: message?.kind === "error" ? message.error : undefined,
      notice: message?.kind === "notice" ? message.notice : undefined,
      seatLinkProblem: message?.kind === "seat-link" ? message.error : undefined,
      openedByHand: false,
    });
    this.#deps = deps;
  }

  readonly setUsername = (username: string): void => {
    this.update({ ...this.getSnapshot(), username });
  };

  readonly setPassword = (password: string): void => {
    this.update({ ...this.getSnapshot(), password });
  };

  readonly setHomeserverUrl = (homeserverUrl: string): void => {
    this.update({ ...this.getSnapshot(), homeserverUrl });
  };

  readonly openServerField = (): void => {
    this.update({ ...this.getSnapshot(), serverFieldOpen: true });
  };

  readonly signInByHand = (): void => {
    this.update({ ...this.getSnapshot(), seatLinkProblem: undefined, openedByHand: true });
  };

  readonly submit = async (): Promise<void> => {
    const form = this.getSnapshot();
    if (form.busy) return;
    if (form.username.trim() === "" || form.password === "") {
      this.update({ ...form, error: { key: "signIn.error.required", params: {} } });
      return;
    }
    this.update({ ...form, busy: true, error: undefined, notice: undefined });
    const result = await this.#deps.signIn(form.homeserverUrl, form.username, form.password);
    if (result.ok) {
      this.update({ ...this.getSnapshot(), busy: false, password: "" });
      this.#deps.onSignedIn(result.credentials);
      return;
    }
    // A server problem opens the server field, so the person can fix the address.
    const serverProblem = result.failure.kind !== "wrong-credentials";
    this.update({
      ...this.getSnapshot(),
      busy: false,
      serverFieldOpen: this.getSnapshot().serverFieldOpen || serverProblem,
      error: describeFailure(result.failure),
    });
  };
}

// A Matrix user ID's localpart (the name a person signs in with).
const SIGN_IN_LINK = /^#signin=([a-z0-9._=/-]+)$/;

/**
 * Reads a demo's sign-in link from the address's fragment (`#signin=noor`).
 * `demoPassword` is the demo build's shared password (VITE_DEMO_PASSWORD);
 * without it only the name is filled in. Anything else: no prefill.
 */
export function signInLinkPrefill(
  hash: string,
  demoPassword: string | undefined,
): SignInPrefill | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(hash).trim().toLowerCase();
  } catch {
    return undefined;
  }
  const username = SIGN_IN_LINK.exec(decoded)?.[1];
  if (username === undefined) return undefined;
  const password = demoPassword === undefined || demoPassword === "" ? undefined : demoPassword;
  return { username, password };
}

export function describeFailure(failure: SignInFailure): SignInError {
  switch (failure.kind) {
    case "wrong-credentials":
      return { key: "signIn.error.wrongCredentials", params: {} };
    case "unreachable":
      return { key: "signIn.error.unreachable", params: { server: failure.homeserverUrl } };
    case "not-a-homeserver":
      return { key: "signIn.error.notAHomeserver", params: { server: failure.homeserverUrl } };
    case "unsupported-server":
      return { key: "signIn.error.unsupportedServer", params: { missing: failure.missing } };
    case "invalid-url":
      return { key: "signIn.error.invalidUrl", params: {} };
    case "server-error":
      return { key: "signIn.error.serverError", params: { status: failure.status } };
    default:
      return assertNever(failure);
  }
}
