// A classroom's seat accounts (tools/lib/studySeatAccounts.ts) on the real
// homeserver: a seat's password is nobody's to know (the demo password signs
// in no seat), a redeemed code gets the phone a device of its own, a fresh
// code signs every device of the seat out, and a seat a new class takes over
// starts with no device of the class before. The classroom's facilitator
// gets a fresh password at every start. Seat names are random here, so
// the suites sharing this homeserver never meet.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../tools/lib/personas.ts";
import {
  homeserverSeatAccounts,
  renewAccountPassword,
} from "../../../tools/lib/studySeatAccounts.ts";
import { testHomeserver } from "./support.ts";

async function whoami(accessToken: string): Promise<number> {
  const response = await fetch(`${testHomeserver.url}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return response.status;
}

async function passwordLogin(user: string, password: string): Promise<number> {
  const response = await fetch(`${testHomeserver.url}/_matrix/client/v3/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "m.login.password",
      identifier: { type: "m.id.user", user },
      password,
    }),
  });
  return response.status;
}

describe("a classroom's seat accounts", () => {
  it("sign phones in with devices of their own, never with a password anyone knows", async () => {
    const seat = `seat-${randomUUID().slice(0, 8)}`;
    const accounts = homeserverSeatAccounts(testHomeserver);
    await accounts.prepare(seat, "Deelnemer test");
    expect(await passwordLogin(seat, DEMO_PASSWORD)).toBe(403);

    const phone = await accounts.signInDevice(seat, `Telefoon ${seat}`);
    expect(phone.userId).toBe(`@${seat}:${testHomeserver.serverName}`);
    expect(await whoami(phone.accessToken)).toBe(200);
    const device = await fetch(
      `${testHomeserver.url}/_matrix/client/v3/devices/${encodeURIComponent(phone.deviceId)}`,
      { headers: { authorization: `Bearer ${phone.accessToken}` } },
    );
    expect(((await device.json()) as { display_name?: string }).display_name).toBe(
      `Telefoon ${seat}`,
    );

    // A second phone (a fresh code after the first was lost): both are signed out by the next one.
    const second = await accounts.signInDevice(seat, `Telefoon ${seat}`);
    expect(second.deviceId).not.toBe(phone.deviceId);
    expect(await accounts.signOutDevices(seat)).toBe(2);
    expect(await whoami(phone.accessToken)).toBe(401);
    expect(await whoami(second.accessToken)).toBe(401);

    // The service's own work on the seat (a reset) signs in with the password it keeps in memory.
    const login = await accounts.login(seat);
    expect(await passwordLogin(login.username, login.password)).toBe(200);
  }, 60_000);

  it("takes a seat over for a new class: the last class's phone is signed out", async () => {
    const seat = `seat-${randomUUID().slice(0, 8)}`;
    const lastClass = homeserverSeatAccounts(testHomeserver);
    await lastClass.prepare(seat, "Deelnemer test");
    const phone = await lastClass.signInDevice(seat, `Telefoon ${seat}`);
    // A restarted service knows no password: it sets its own.
    const nextClass = homeserverSeatAccounts(testHomeserver);
    await nextClass.prepare(seat, "Deelnemer test");
    expect(await whoami(phone.accessToken)).toBe(401);
    const next = await nextClass.signInDevice(seat, `Telefoon ${seat}`);
    expect(await whoami(next.accessToken)).toBe(200);
  }, 60_000);

  it("gives the classroom's facilitator a fresh password at every start, signing out the last one's devices", async () => {
    const name = `begeleider-${randomUUID().slice(0, 8)}`;
    const first = await renewAccountPassword(testHomeserver, name, "Begeleider");
    expect(await passwordLogin(name, first)).toBe(200);
    const second = await renewAccountPassword(testHomeserver, name, "Begeleider");
    expect(second).not.toBe(first);
    expect(await passwordLogin(name, first)).toBe(403);
    expect(await passwordLogin(name, DEMO_PASSWORD)).toBe(403);
    expect(await passwordLogin(name, second)).toBe(200);
  }, 60_000);
});
