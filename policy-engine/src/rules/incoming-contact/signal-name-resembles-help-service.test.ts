import { describe, expect, it } from "vitest";
import { incomingContactFacts } from "../../points/incoming-contact.ts";
import {
  adult,
  baseline,
  child,
  incomingRequest,
  nlDefault,
} from "../../../test/support/fixtures.ts";
import { signalNameResemblesHelpService } from "./signal-name-resembles-help-service.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof incomingRequest>) =>
  signalNameResemblesHelpService.evaluate(incomingContactFacts(request, pack), pack);

describe("incoming-contact/signal-name-resembles-help-service", () => {
  it("warns a child that a stranger is named like a help service", () => {
    const request = incomingRequest({
      recipient: child,
      sender: adult,
      nameResemblesHelpService: true,
    });
    expect(evaluate(nlDefault, request)?.notices).toEqual([
      {
        id: "name-resembles-help-service",
        severity: "warning",
        copyKey: "notice.nameResemblesHelpService.child",
      },
    ]);
  });

  it("stays quiet without the flag or when switched off", () => {
    expect(evaluate(nlDefault, incomingRequest())).toBeNull();
    expect(evaluate(baseline, incomingRequest({ nameResemblesHelpService: true }))).toBeNull();
  });
});
