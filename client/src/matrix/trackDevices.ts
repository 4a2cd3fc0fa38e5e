// Matrix layer: make the Rust crypto machine track one more user's devices.
//
// Why: Olm to-device messages can only be encrypted for devices the crypto
// machine tracks, and it tracks only people who share an encrypted room with
// us. Age presentations and contact probes (age/ageExchange.ts) go to someone
// *before* any room exists: that is the point of asking first. matrix-js-sdk
// 43 has no public call for this, so this reaches into its RustCrypto object
// (olmMachine.updateTrackedUsers + one /keys/query), exactly what its own
// RoomEncryptor does for room members. The shape is checked at run time: an
// SDK upgrade that changes it fails loudly here (and in the integration
// tests), never by silently sending nothing.

type RustUserId = { clone(): RustUserId };
type OlmMachineLike = {
  readonly userId: RustUserId;
  updateTrackedUsers(users: RustUserId[]): Promise<void>;
  queryKeysForUsers(users: RustUserId[]): unknown;
};
type RustCryptoLike = {
  readonly olmMachine: OlmMachineLike;
  readonly outgoingRequestProcessor: { makeOutgoingRequest(request: unknown): Promise<void> };
};

function rustInternals(crypto: unknown): RustCryptoLike {
  const candidate = crypto as Partial<RustCryptoLike> | undefined;
  if (
    typeof candidate?.olmMachine?.updateTrackedUsers !== "function" ||
    typeof candidate.olmMachine.queryKeysForUsers !== "function" ||
    typeof candidate.outgoingRequestProcessor?.makeOutgoingRequest !== "function"
  ) {
    throw new Error(
      "this matrix-js-sdk version does not expose the Rust crypto machine as trackDevices.ts expects",
    );
  }
  return candidate as RustCryptoLike;
}

/** Starts tracking `userId`'s devices and downloads them now, so Olm can encrypt to them. */
export async function trackDevicesOf(crypto: unknown, userId: string): Promise<void> {
  const { olmMachine, outgoingRequestProcessor } = rustInternals(crypto);
  // The wasm UserId class, taken from an instance, so the one loaded wasm module is used.
  const UserId = olmMachine.userId.constructor as new (id: string) => RustUserId;
  await olmMachine.updateTrackedUsers([new UserId(userId)]);
  await outgoingRequestProcessor.makeOutgoingRequest(
    olmMachine.queryKeysForUsers([new UserId(userId)]),
  );
}
