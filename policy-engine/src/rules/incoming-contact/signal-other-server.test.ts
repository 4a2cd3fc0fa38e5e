import { describe, expect, it } from "vitest";
import { incomingContactFacts } from "../../points/incoming-contact.ts";
import { baseline, incomingRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { signalOtherServer } from "./signal-other-server.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof incomingRequest>) =>
  signalOtherServer.evaluate(incomingContactFacts(request, pack), pack);

describe("incoming-contact/signal-other-server", () => {
  it("tells the recipient that a stranger is on another server", () => {
    expect(evaluate(nlDefault, incomingRequest({ sameServer: false }))?.notices[0]?.copyKey).toBe(
      "notice.otherServer.teen13",
    );
  });

  it("stays quiet for the same server, for contacts, and when switched off", () => {
    expect(evaluate(nlDefault, incomingRequest({ sameServer: true }))).toBeNull();
    expect(evaluate(nlDefault, incomingRequest({ sameServer: false, isContact: true }))).toBeNull();
    expect(evaluate(baseline, incomingRequest({ sameServer: false }))).toBeNull();
  });
});
