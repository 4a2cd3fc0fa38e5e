// Tooling (Node only): the study accounts behind a classroom's seats
// (p01…pNN), as the study service (studyService.ts) handles them. Nobody is
// told a seat's password: it is random, kept in this process's memory only,
// and set again through Synapse's admin API whenever the process lost it. A
// phone gets a device of its own by the seat's one-time code (the service
// redeems it and signs in here on the phone's behalf), so the shared demo
// password signs in no seat, and nobody on the classroom network can sign in
// as one. The admin API is reached on loopback only; the classroom's front
// does not pass /_synapse/ on.
//
// The service's own admin account ("study-service") has a password derived
// from the homeserver's registration shared secret, which the tools hold
// already: no new secret is written anywhere.

import { createHmac, randomBytes } from "node:crypto";
import { ensureAccount, type Homeserver } from "./homeserver.ts";
import { rawLogin, rawLogout, type RawSession } from "./rawMatrix.ts";

/** A device signed in as a seat: what the phone's app keeps as its credentials. */
export type SeatDevice = {
  readonly userId: string;
  readonly accessToken: string;
  readonly deviceId: string;
};

export type SeatAccounts = {
  /**
   * Makes the seat's account, or takes over one an earlier class used: a new
   * password nobody is told, and every device still signed in to it signed out.
   */
  prepare(seat: string, displayName: string): Promise<void>;
  /** A new device of the seat, for the phone that just redeemed the seat's code. */
  signInDevice(seat: string, deviceName: string): Promise<SeatDevice>;
  /** Signs out every device of the seat; how many there were. */
  signOutDevices(seat: string): Promise<number>;
  /** A login for the service's own work on the seat (a reset, a friend scenario). */
  login(seat: string): Promise<{ readonly username: string; readonly password: string }>;
};

export const STUDY_SERVICE_ADMIN = "study-service";

/**
 * Gives an account (made if missing) a fresh random password, signs out its
 * devices, and returns the password: for the classroom's facilitator
 * (lanClassroom.ts), whose password is then shown on the laptop's terminal only.
 */
export async function renewAccountPassword(
  homeserver: Homeserver,
  username: string,
  displayName: string,
): Promise<string> {
  const password = randomBytes(12).toString("base64url");
  const session = await studyAdminSession(homeserver);
  const userId = `@${username}:${homeserver.serverName}`;
  try {
    const response = await fetch(
      `${homeserver.url}/_synapse/admin/v2/users/${encodeURIComponent(userId)}`,
      {
        method: "PUT",
        headers: {
          authorization: `Bearer ${session.accessToken}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ password, logout_devices: true, displayname: displayName }),
      },
    );
    if (!response.ok) throw new Error(`setting the password of ${userId}: ${response.status}`);
    return password;
  } finally {
    await rawLogout(session).catch(() => undefined);
  }
}

/** The study service's own admin account, signed in (a new device each call). */
async function studyAdminSession(homeserver: Homeserver): Promise<RawSession> {
  const secret = homeserver.registrationSharedSecret;
  if (secret === undefined) {
    throw new Error(
      `the study service needs the registration shared secret of ${homeserver.url} to manage seats`,
    );
  }
  const password = createHmac("sha256", secret)
    .update("study-service admin password")
    .digest("hex");
  await ensureAccount(homeserver, {
    username: STUDY_SERVICE_ADMIN,
    password,
    displayName: "Studiedienst",
    admin: true,
  });
  return rawLogin(homeserver, STUDY_SERVICE_ADMIN, password);
}

export function homeserverSeatAccounts(homeserver: Homeserver): SeatAccounts {
  const passwords = new Map<string, string>();
  let admin: Promise<RawSession> | undefined;

  const adminSession = (): Promise<RawSession> => {
    admin ??= studyAdminSession(homeserver);
    admin.catch(() => {
      admin = undefined;
    });
    return admin;
  };

  const userIdOf = (seat: string): string => `@${seat}:${homeserver.serverName}`;

  const adminCall = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const session = await adminSession();
    const response = await fetch(`${homeserver.url}/_synapse/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        "content-type": "application/json",
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // The path names a seat, never a secret; the body (a password) is not repeated.
    if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status}`);
    return response.json();
  };

  /** A fresh password for the seat, set on the homeserver; `signOut`: its devices too. */
  const newPassword = async (
    seat: string,
    signOut: boolean,
    displayName?: string,
  ): Promise<string> => {
    const password = randomBytes(24).toString("base64url");
    await adminCall("PUT", `/v2/users/${encodeURIComponent(userIdOf(seat))}`, {
      password,
      logout_devices: signOut,
      ...(displayName === undefined ? {} : { displayname: displayName }),
    });
    passwords.set(seat, password);
    return password;
  };

  const passwordOf = async (seat: string): Promise<string> =>
    passwords.get(seat) ?? (await newPassword(seat, false));

  const passwordLogin = async (
    seat: string,
    password: string,
    deviceName: string,
  ): Promise<Response> =>
    fetch(`${homeserver.url}/_matrix/client/v3/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: seat },
        password,
        initial_device_display_name: deviceName,
      }),
    });

  return {
    prepare: async (seat, displayName) => {
      await newPassword(seat, true, displayName);
    },
    signInDevice: async (seat, deviceName) => {
      let response = await passwordLogin(seat, await passwordOf(seat), deviceName);
      if (response.status === 403) {
        // Someone changed the password behind the service's back: it takes the seat back.
        response = await passwordLogin(seat, await newPassword(seat, false), deviceName);
      }
      if (!response.ok) throw new Error(`signing in ${seat}: ${response.status}`);
      const reply = (await response.json()) as Record<string, unknown>;
      const { user_id: userId, access_token: accessToken, device_id: deviceId } = reply;
      if (
        typeof userId !== "string" ||
        typeof accessToken !== "string" ||
        typeof deviceId !== "string"
      ) {
        throw new Error(`signing in ${seat}: the homeserver sent no device`);
      }
      return { userId, accessToken, deviceId };
    },
    signOutDevices: async (seat) => {
      const path = `/v2/users/${encodeURIComponent(userIdOf(seat))}`;
      const { devices } = (await adminCall("GET", `${path}/devices`)) as {
        devices?: { device_id?: unknown }[];
      };
      const ids = (devices ?? []).flatMap((d) =>
        typeof d.device_id === "string" ? [d.device_id] : [],
      );
      if (ids.length > 0) await adminCall("POST", `${path}/delete_devices`, { devices: ids });
      return ids.length;
    },
    login: async (seat) => ({ username: seat, password: await passwordOf(seat) }),
  };
}
