// Matrix layer: the error a session's start ends with when the homeserver
// refuses the remembered device's token (it was signed out elsewhere). Apart
// from chatSession.ts so the view models can recognise it without the SDK.

/** The remembered device was signed out elsewhere; its local stores are deleted. */
export class SignedOutElsewhereError extends Error {
  constructor() {
    super("this device was signed out elsewhere (M_UNKNOWN_TOKEN)");
    this.name = "SignedOutElsewhereError";
  }
}

/** True for the error above, also across a module boundary (the SDK's layer loads lazily). */
export function isSignedOutElsewhere(error: unknown): boolean {
  return error instanceof Error && error.name === "SignedOutElsewhereError";
}
