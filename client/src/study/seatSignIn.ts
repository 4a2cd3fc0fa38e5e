// Study kit: a classroom seat's QR link, `https://<laptop>/#seat=p07.<code>`.
// The code is one-time and random (the study service makes it, one per seat,
// tools/lib/studyService.ts). It sits in the address's fragment because a
// browser never sends the fragment to any server: not in the request line,
// not in a proxy's or server's log. The app reads it once, takes it out of
// the address bar, and posts it in a request body to the study service,
// which answers with a new device of the seat for this phone, or says the
// code was used. The participant types nothing.

/** A device of the seat: the shape of the app's session credentials (matrix/signIn.ts). */
export type SeatCredentials = {
  readonly homeserverUrl: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly accessToken: string;
};

export type SeatLink = { readonly seat: string; readonly code: string };

export type SeatSignInResult =
  | { readonly ok: true; readonly credentials: SeatCredentials }
  /** "used": the code was used already (or never was one); "unreachable": try the link again. */
  | { readonly ok: false; readonly reason: "used" | "unreachable" };

const SEAT_LINK = /^#seat=(p\d{2,3})\.([A-Za-z0-9_-]{32})$/;

/** The link the console's QR code for a seat holds. */
export function seatSignInLink(appUrl: string, link: SeatLink): string {
  return `${appUrl.replace(/#.*$/, "")}#seat=${link.seat}.${link.code}`;
}

/** Reads a seat's link from the address's fragment; anything else: undefined. */
export function readSeatLink(hash: string): SeatLink | undefined {
  const match = SEAT_LINK.exec(hash);
  if (match === null) return undefined;
  return { seat: match[1] ?? "", code: match[2] ?? "" };
}

/** Whether the fragment is meant as a seat's link at all (then it leaves the address bar). */
export function looksLikeSeatLink(hash: string): boolean {
  return hash.startsWith("#seat=");
}

/** Redeems the code at the study service: this phone becomes a device of the seat. */
export async function signInWithSeatCode(
  options: {
    /** The study service's base URL (same origin in a classroom). */
    readonly studyServiceUrl: string;
    /** Where the app reaches the homeserver (the credentials' homeserver). */
    readonly homeserverUrl: string;
    readonly fetch: typeof fetch;
  },
  link: SeatLink,
): Promise<SeatSignInResult> {
  let response: Response;
  try {
    response = await options.fetch(`${options.studyServiceUrl.replace(/\/+$/, "")}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seat: link.seat, code: link.code }),
    });
  } catch {
    return { ok: false, reason: "unreachable" };
  }
  if (response.status === 410 || response.status === 400) return { ok: false, reason: "used" };
  if (!response.ok) return { ok: false, reason: "unreachable" };
  const device: unknown = await response.json().catch(() => undefined);
  if (typeof device !== "object" || device === null) return { ok: false, reason: "unreachable" };
  const { userId, accessToken, deviceId } = device as Record<string, unknown>;
  if (
    typeof userId !== "string" ||
    !userId.startsWith(`@${link.seat}:`) ||
    typeof accessToken !== "string" ||
    typeof deviceId !== "string"
  ) {
    return { ok: false, reason: "unreachable" };
  }
  return {
    ok: true,
    credentials: { homeserverUrl: options.homeserverUrl, userId, accessToken, deviceId },
  };
}
