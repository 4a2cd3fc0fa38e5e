// View model of the recovery key: offered once after signing in (so old
// messages stay readable on a new phone), shown once, and asked for when a
// new device finds a backup it cannot open yet. Skipping is always allowed:
// chatting works without it.

import type { MessageKey } from "../i18n/i18n.ts";
import type {
  RecoveryStatus,
  RestoreResult,
  SetUpRecoveryOptions,
  SetUpRecoveryResult,
} from "../matrix/keyBackup.ts";
import { assertNever } from "./assertNever.ts";
import { ViewModel } from "./ViewModel.ts";

export type RecoverySource = {
  recoveryStatus(): Promise<RecoveryStatus>;
  setUpRecovery(options?: SetUpRecoveryOptions): Promise<SetUpRecoveryResult>;
  restoreWithRecoveryKey(input: string): Promise<RestoreResult>;
};

export type RecoverySnapshot =
  | {
      readonly step: "offer";
      readonly busy: boolean;
      readonly needsPassword: boolean;
      readonly password: string;
      readonly error: MessageKey | undefined;
    }
  | { readonly step: "show-key"; readonly recoveryKey: string; readonly saved: boolean }
  | {
      readonly step: "enter-key";
      readonly input: string;
      readonly busy: boolean;
      readonly error: MessageKey | undefined;
    }
  | { readonly step: "restored"; readonly imported: number };

/** What the recovery key's view may ask for. */
export type RecoveryViewActions = {
  readonly setPassword: (password: string) => void;
  readonly setInput: (input: string) => void;
  readonly setUp: () => Promise<void>;
  readonly confirmSaved: (saved: boolean) => void;
  readonly restore: () => Promise<void>;
  readonly finish: () => void;
};

export class RecoveryViewModel extends ViewModel<RecoverySnapshot> implements RecoveryViewActions {
  readonly #source: RecoverySource;
  readonly #done: () => void;

  /** `status` decides the first step: offer to set up, or ask for the key. */
  constructor(
    source: RecoverySource,
    status: "not-set-up" | "needs-recovery-key",
    done: () => void,
  ) {
    super(
      status === "not-set-up"
        ? { step: "offer", busy: false, needsPassword: false, password: "", error: undefined }
        : { step: "enter-key", input: "", busy: false, error: undefined },
    );
    this.#source = source;
    this.#done = done;
  }

  readonly setPassword = (password: string): void => {
    const view = this.getSnapshot();
    if (view.step === "offer") this.update({ ...view, password });
  };

  readonly setInput = (input: string): void => {
    const view = this.getSnapshot();
    if (view.step === "enter-key") this.update({ ...view, input, error: undefined });
  };

  readonly setUp = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (view.step !== "offer" || view.busy) return;
    this.update({ ...view, busy: true, error: undefined });
    const result = await this.#source.setUpRecovery(
      view.needsPassword ? { password: view.password } : {},
    );
    if (result.ok) {
      this.update({ step: "show-key", recoveryKey: result.recoveryKey, saved: false });
      return;
    }
    switch (result.error) {
      case "already-set-up":
        this.#done();
        return;
      case "password-needed":
        this.update({
          ...view,
          busy: false,
          needsPassword: true,
          error: "recovery.error.passwordNeeded",
        });
        return;
      case "wrong-password":
        this.update({
          ...view,
          busy: false,
          needsPassword: true,
          error: "recovery.error.wrongPassword",
        });
        return;
      default:
        assertNever(result.error);
    }
  };

  readonly confirmSaved = (saved: boolean): void => {
    const view = this.getSnapshot();
    if (view.step === "show-key") this.update({ ...view, saved });
  };

  readonly restore = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (view.step !== "enter-key" || view.busy) return;
    this.update({ ...view, busy: true, error: undefined });
    const result = await this.#source.restoreWithRecoveryKey(view.input);
    if (result.ok) {
      this.update({ step: "restored", imported: result.imported });
      return;
    }
    this.update({ ...view, busy: false, error: restoreErrorKey(result.error) });
  };

  /** Done, skipped ("later") or finished: on to the chats. */
  readonly finish = (): void => {
    this.#done();
  };
}

function restoreErrorKey(error: Extract<RestoreResult, { ok: false }>["error"]): MessageKey {
  switch (error) {
    case "empty":
      return "recovery.error.empty";
    case "invalid-characters":
    case "wrong-length":
    case "typo":
      return "recovery.error.typo";
    case "wrong-key":
      return "recovery.error.wrongKey";
    case "not-set-up":
      return "recovery.error.notSetUp";
    default:
      return assertNever(error);
  }
}
