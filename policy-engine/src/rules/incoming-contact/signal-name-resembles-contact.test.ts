import { describe, expect, it } from "vitest";
import { incomingContactFacts } from "../../points/incoming-contact.ts";
import { baseline, incomingRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { signalNameResemblesContact } from "./signal-name-resembles-contact.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof incomingRequest>) =>
  signalNameResemblesContact.evaluate(incomingContactFacts(request, pack), pack);

describe("incoming-contact/signal-name-resembles-contact", () => {
  it("warns about a stranger named like a contact, without changing the presentation", () => {
    const contribution = evaluate(nlDefault, incomingRequest({ nameResemblesContact: true }));
    expect(contribution?.effect).toBeUndefined();
    expect(contribution?.notices.map((notice) => notice.id)).toEqual(["name-resembles-contact"]);
  });

  it("does not apply to the contact themself or when the pack switches it off", () => {
    const contact = incomingRequest({ nameResemblesContact: true, isContact: true });
    expect(evaluate(nlDefault, contact)).toBeNull();
    expect(evaluate(baseline, incomingRequest({ nameResemblesContact: true }))).toBeNull();
  });
});
