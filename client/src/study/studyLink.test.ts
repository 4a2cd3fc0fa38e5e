// A participant's device and the study service: nothing is sent for an
// account without a seat, nothing without the consent the service reports
// at that moment, a withdrawal drops what waits, and a service that is away
// is tried again before events are dropped.
import { describe, expect, it } from "vitest";
import type { StudyEventInput } from "./events.ts";
import { createStudyLink } from "./studyLink.ts";

const HELP: StudyEventInput = { kind: "help-opened", moment: "general" };

function fakeService(state: {
  seat: boolean;
  consent: boolean;
  down?: number;
  /** A service from before { seated: false }: it answers an account without a seat 404. */
  oldService?: boolean;
}) {
  const sent: unknown[] = [];
  const asked: string[] = [];
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    asked.push(`${init?.method ?? "GET"} ${url}`);
    if ((state.down ?? 0) > 0) {
      state.down = (state.down ?? 0) - 1;
      return Promise.reject(new TypeError("network down"));
    }
    if (!state.seat) {
      return Promise.resolve(
        url.endsWith("/participant") && (init?.method ?? "GET") === "GET"
          ? Response.json(state.oldService === true ? {} : { seated: false }, {
              status: state.oldService === true ? 404 : 200,
            })
          : new Response("{}", { status: 404 }),
      );
    }
    if (url.endsWith("/participant")) {
      return Promise.resolve(Response.json({ consent: state.consent, packId: "baseline" }));
    }
    if (!state.consent) return Promise.resolve(new Response("{}", { status: 403 }));
    const body = JSON.parse(typeof init?.body === "string" ? init.body : "{}") as {
      events: unknown[];
    };
    sent.push(...body.events);
    return Promise.resolve(Response.json({ recorded: body.events.length, refused: 0 }));
  }) as typeof fetch;
  return { fetchImpl, sent, asked };
}

function link(fetchImpl: typeof fetch, failures: string[] = []) {
  return createStudyLink({
    baseUrl: "https://127.0.0.2:8443/study/",
    fetch: fetchImpl,
    wait: () => Promise.resolve(),
    failed: (message) => {
      failures.push(message);
    },
  });
}

describe("the study link", () => {
  it("tells the seat's pack at session start; an account without a seat sends nothing", async () => {
    const seated = fakeService({ seat: true, consent: false });
    expect(await link(seated.fetchImpl).join("token")).toEqual({
      packId: "baseline",
      resetAfterSession: true,
    });

    const unseated = fakeService({ seat: false, consent: true });
    const l = link(unseated.fetchImpl);
    expect(await l.join("token")).toBeUndefined();
    l.recorder.record(HELP);
    await l.settled();
    expect(unseated.sent).toEqual([]);
    expect(unseated.asked).toEqual(["GET https://127.0.0.2:8443/study/participant"]);

    const unseatedOlder = fakeService({ seat: false, consent: true, oldService: true });
    expect(await link(unseatedOlder.fetchImpl).join("token")).toBeUndefined();
  });

  it("sends nothing before consent, and asks the service about consent before every send", async () => {
    const state = { seat: true, consent: false };
    const service = fakeService(state);
    const l = link(service.fetchImpl);
    await l.join("token");
    l.recorder.record(HELP);
    await l.settled();
    expect(service.sent).toEqual([]);
    expect(service.asked.filter((a) => a.startsWith("POST"))).toEqual([]);

    state.consent = true;
    l.recorder.record(HELP);
    await l.settled();
    expect(service.sent).toEqual([HELP]);
    expect(service.asked.slice(-2)).toEqual([
      "GET https://127.0.0.2:8443/study/participant",
      "POST https://127.0.0.2:8443/study/participant/events",
    ]);
  });

  it("loses no event recorded while an earlier one is being sent", async () => {
    const state = { seat: true, consent: true };
    const service = fakeService(state);
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The service answers the first POST only when the test says so.
    const slowFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await service.fetchImpl(input, init);
      if (init?.method === "POST" && service.sent.length === 1) await gate;
      return answer;
    }) as typeof fetch;
    const l = link(slowFetch);
    await l.join("token");
    l.recorder.record(HELP);
    while (service.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    // The first event is on its way; two more taps before its answer comes back.
    l.recorder.record({ kind: "help-opened", moment: "after-warning" });
    l.recorder.record({ kind: "help-opened", moment: "after-report" });
    release();
    await l.settled();
    expect(service.sent).toEqual([
      HELP,
      { kind: "help-opened", moment: "after-warning" },
      { kind: "help-opened", moment: "after-report" },
    ]);
  });

  it("drops what waits once consent is withdrawn, and after sign-out", async () => {
    const state = { seat: true, consent: true };
    const service = fakeService(state);
    const l = link(service.fetchImpl);
    await l.join("token");
    state.consent = false;
    l.recorder.record(HELP);
    await l.settled();
    expect(service.sent).toEqual([]);
    l.leave();
    state.consent = true;
    l.recorder.record(HELP);
    await l.settled();
    expect(service.sent).toEqual([]);
  });

  it("tries again while the service is away, then drops and says so", async () => {
    const state = { seat: true, consent: true, down: 0 };
    const service = fakeService(state);
    const failures: string[] = [];
    const l = link(service.fetchImpl, failures);
    await l.join("token");
    state.down = 2;
    l.recorder.record(HELP);
    await l.settled();
    expect(service.sent).toEqual([HELP]);
    state.down = 100;
    l.recorder.record(HELP);
    await l.settled();
    expect(service.sent).toEqual([HELP]);
    expect(failures).toEqual(["study events could not be sent; dropped"]);
  });
});
