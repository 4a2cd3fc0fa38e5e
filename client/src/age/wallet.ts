// Services layer, age assurance: the holder's wallet on this device. It keeps
// the holder key pair (made here; the secret never leaves the device) and the
// attestation the age-assurance provider issued for it, and renews the
// attestation before it expires (docs/age-assurance.md, "On the device").
//
// The provider learns who asks from a Matrix OpenID token, which proves the
// user ID and nothing else; the device never hands out its access token.

import {
  createHolderKeyPair,
  verifyAttestation,
  type AgeAttestation,
  type AttestedAgeBand,
  type HolderKeyPair,
  type TrustedIssuer,
} from "@safety-by-design/protocol";

/** Ask for a new attestation when the stored one has less than this left. */
export const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;
const PROVIDER_TIMEOUT_MS = 5000;

export type AgeCredentials = {
  readonly holder: HolderKeyPair;
  readonly attestation: AgeAttestation;
};

/** What this device can prove about its own user. */
export type OwnAge =
  | {
      readonly status: "verified";
      readonly band: AttestedAgeBand;
      readonly credentials: AgeCredentials;
      /** ms since the epoch */
      readonly validUntil: number;
    }
  | {
      readonly status: "unverified";
      /**
       * not-verified: the provider has no age check on record for this user;
       * not-configured: this installation trusts no age provider;
       * provider-unreachable / provider-refused: try again later;
       * invalid-attestation: the provider's answer did not verify (never stored).
       */
      readonly reason:
        | "not-verified"
        | "not-configured"
        | "provider-unreachable"
        | "provider-refused"
        | "invalid-attestation";
    };

export type OpenIdToken = {
  readonly access_token: string;
  readonly matrix_server_name: string;
};

export type WalletDependencies = {
  readonly userId: string;
  readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** The provider's base URL; undefined when the installation has none. */
  readonly providerUrl: string | undefined;
  readonly openIdToken: () => Promise<OpenIdToken>;
  readonly fetch: typeof fetch;
  readonly now: () => number;
};

type StoredWallet = { readonly holder: HolderKeyPair; readonly attestation?: unknown };

export function walletStorageKey(userId: string): string {
  return `sbd.age-wallet.${userId}`;
}

/**
 * This device's own verified band: the stored attestation while it is valid
 * for a while yet, otherwise a fresh one from the provider. Never throws:
 * every failure is `unverified` with a reason, the protective reading.
 */
export async function loadOwnAge(deps: WalletDependencies): Promise<OwnAge> {
  if (deps.trustedIssuers.length === 0 || deps.providerUrl === undefined) {
    // Without a trusted issuer nothing could verify, not even a stored attestation.
    return { status: "unverified", reason: "not-configured" };
  }
  const stored = readStored(deps);
  const holder = stored?.holder ?? (await createHolderKeyPair());
  if (stored === undefined) writeStored(deps, { holder });

  // A stored attestation that is still valid but due for renewal is kept when
  // renewing fails: a provider outage must not make a minor's device unverified.
  let current: OwnAge | undefined;
  if (stored?.attestation !== undefined) {
    const own = await checkOwn(deps, holder, stored.attestation);
    if (own.status === "verified") {
      if (own.validUntil - deps.now() > RENEW_BEFORE_MS) return own;
      current = own;
    }
  }

  let answer: Response;
  try {
    const token = await deps.openIdToken();
    answer = await deps.fetch(new URL("/v1/attestations", deps.providerUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      // A provider that does not answer must not hold up the whole app.
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      body: JSON.stringify({
        matrix_server_name: token.matrix_server_name,
        openid_token: token.access_token,
        holder_key: holder.publicKey,
      }),
    });
  } catch {
    return current ?? { status: "unverified", reason: "provider-unreachable" };
  }
  if (answer.status === 404) {
    writeStored(deps, { holder });
    return { status: "unverified", reason: "not-verified" };
  }
  if (!answer.ok) return current ?? { status: "unverified", reason: "provider-refused" };
  let attestation: unknown;
  try {
    attestation = ((await answer.json()) as { attestation?: unknown }).attestation;
  } catch {
    return current ?? { status: "unverified", reason: "invalid-attestation" };
  }
  const own = await checkOwn(deps, holder, attestation);
  if (own.status !== "verified") return current ?? own;
  writeStored(deps, { holder, attestation });
  return own;
}

/** Forgets this account's holder key and attestation on this device (sign-out). */
export function forgetWallet(storage: Pick<Storage, "removeItem">, userId: string): void {
  storage.removeItem(walletStorageKey(userId));
}

async function checkOwn(
  deps: WalletDependencies,
  holder: HolderKeyPair,
  attestation: unknown,
): Promise<OwnAge> {
  const result = await verifyAttestation(attestation, {
    subjectUserId: deps.userId,
    now: deps.now(),
    trustedIssuers: deps.trustedIssuers,
    holderKey: holder.publicKey,
  });
  if (!result.verified) return { status: "unverified", reason: "invalid-attestation" };
  return {
    status: "verified",
    band: result.band,
    credentials: { holder, attestation: attestation as AgeAttestation },
    validUntil: result.validUntil,
  };
}

function readStored(deps: WalletDependencies): StoredWallet | undefined {
  try {
    const text = deps.storage.getItem(walletStorageKey(deps.userId));
    if (text === null) return undefined;
    const value = JSON.parse(text) as Partial<StoredWallet>;
    const holder = value.holder;
    if (typeof holder?.publicKey !== "string" || typeof holder.secretKey !== "string") {
      return undefined;
    }
    return { holder, attestation: value.attestation };
  } catch {
    return undefined;
  }
}

function writeStored(deps: WalletDependencies, wallet: StoredWallet): void {
  deps.storage.setItem(walletStorageKey(deps.userId), JSON.stringify(wallet));
}
