import { describe, expect, it } from "vitest";
import { disclosureFacts } from "../../points/disclosure.ts";
import {
  adult,
  baseline,
  child,
  disclosureRequest,
  nlDefault,
  teen13,
  teen16,
} from "../../../test/support/fixtures.ts";
import { disclosureTable } from "./disclosure-table.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof disclosureRequest>) =>
  disclosureTable.evaluate(disclosureFacts(request, pack), pack)?.effect;

describe("disclosure/disclosure-table", () => {
  it("shows a teen's band to a contact and to a verified peer (so peer requests classify as peer)", () => {
    expect(evaluate(nlDefault, disclosureRequest({ audience: adult, isContact: true }))).toBe(
      "disclose",
    );
    expect(evaluate(nlDefault, disclosureRequest({ audience: teen16 }))).toBe("disclose");
  });

  it("shows a teen's band to a non-peer minor only inside a conversation the teen accepted", () => {
    expect(evaluate(nlDefault, disclosureRequest({ audience: child }))).toBe("withhold");
    const accepted = disclosureRequest({ audience: child, conversationAccepted: true });
    expect(evaluate(nlDefault, accepted)).toBe("disclose");
  });

  it("has an adult show their band, so a minor's engine can tell it is an adult", () => {
    expect(evaluate(nlDefault, disclosureRequest({ self: adult, audience: teen13 }))).toBe(
      "disclose",
    );
  });

  it("never shows bands in the baseline control arm", () => {
    expect(evaluate(baseline, disclosureRequest({ isContact: true }))).toBe("withhold");
  });
});
