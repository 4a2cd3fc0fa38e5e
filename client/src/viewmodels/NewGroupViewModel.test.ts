import { describe, expect, it, vi } from "vitest";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import { NewGroupViewModel, type NewGroupSource } from "./NewGroupViewModel.ts";

const NOOR = "@noor:localhost";
const LOTTE = "@lotte:localhost";
const ALEX = "@alex:localhost";
const SAM = "@sam:localhost";

type ContactDecision = Awaited<ReturnType<PolicyGateway["startChat"]>>;

/** The engine's contact decision, reduced to what this screen reads. */
const decision = (effect: ContactDecision["effect"]): ContactDecision => ({
  point: "contact",
  effect,
  relationship: effect === "allowed" ? "contact" : "adult-stranger",
  decisionId: `test@1/contact/${effect}`,
  pack: { id: "test", version: "1", purpose: "production" },
  notices:
    effect === "allowed"
      ? []
      : [
          {
            id: "deterrence-adult-to-minor",
            severity: "warning",
            copyKey: "notice.deterrence.adultToMinor",
          },
        ],
  help: [],
  actions: effect === "refused" ? ["cancel"] : ["continue", "cancel"],
  reasons: effect === "allowed" ? [] : ["contact/adults-cannot-start-contact-with-minors"],
  errors: [],
  failedClosed: false,
});

function setUp(effects: Readonly<Record<string, ContactDecision["effect"]>>) {
  // Only startChat and the reader's band are used by this screen; the rest is not reached.
  const gateway = {
    startChat: (userId: string) => Promise.resolve(decision(effects[userId] ?? "allowed")),
    readerBand: () => "18+",
  } as Partial<PolicyGateway> as PolicyGateway;
  const source: NewGroupSource = {
    userId: NOOR,
    createEncryptedGroup: vi.fn(() => Promise.resolve("!group")),
  };
  const navigation = { back: vi.fn(), openConversation: vi.fn() };
  const vm = new NewGroupViewModel(source, gateway, navigation);
  vm.setName("Huiswerk");
  return { vm, source, navigation };
}

describe("NewGroupViewModel", () => {
  it("creates the group at once when the engine allows everyone", async () => {
    const { vm, source, navigation } = setUp({});
    vm.setMembers(`${LOTTE}, ${SAM}`);
    await vm.submit();
    expect(source.createEncryptedGroup).toHaveBeenCalledWith("Huiswerk", [LOTTE, SAM]);
    expect(navigation.openConversation).toHaveBeenCalledWith("!group");
  });

  it("names a refused person with the engine's notice and offers no way to create it with them", async () => {
    const { vm, source } = setUp({ [ALEX]: "refused" });
    vm.setMembers(`${LOTTE} ${ALEX}`);
    await vm.submit();
    expect(vm.getSnapshot()).toMatchObject({
      checks: [{ userId: ALEX, refused: true, notices: [{ id: "deterrence-adult-to-minor" }] }],
      canSubmit: false,
    });
    // Why, in an adult's words: the rule that refused them.
    expect(vm.getSnapshot().checks[0]?.why).toEqual({
      audience: "adult",
      ruleIds: ["contact/adults-cannot-start-contact-with-minors"],
      pack: "test 1",
    });
    await vm.submit();
    expect(source.createEncryptedGroup).not.toHaveBeenCalled();
    // Taking them off the list clears the check and the form can be sent again.
    vm.setMembers(LOTTE);
    expect(vm.getSnapshot()).toMatchObject({ checks: [], canSubmit: true });
  });

  it("shows a notice first and creates the group once the person continues", async () => {
    const { vm, source } = setUp({ [SAM]: "allowed-with-notice" });
    vm.setMembers(SAM);
    await vm.submit();
    expect(vm.getSnapshot()).toMatchObject({
      checks: [{ userId: SAM, refused: false }],
      canSubmit: true,
    });
    expect(source.createEncryptedGroup).not.toHaveBeenCalled();
    await vm.submit();
    expect(source.createEncryptedGroup).toHaveBeenCalledWith("Huiswerk", [SAM]);
  });

  it("makes not creating the primary choice where the engine marks going on as risky", async () => {
    const { vm, navigation } = setUp({ [SAM]: "allowed-with-notice" });
    vm.setMembers(SAM);
    expect(vm.getSnapshot().primary).toBe("create");
    await vm.submit();
    // The engine offers "cancel" beside "continue": the safe choice leads.
    expect(vm.getSnapshot()).toMatchObject({ primary: "cancel", canSubmit: true });
    vm.back();
    expect(navigation.back).toHaveBeenCalled();
    vm.setMembers(LOTTE);
    expect(vm.getSnapshot().primary).toBe("create");
  });

  it("keeps creating the primary choice when the engine offers only to continue", async () => {
    const gateway = {
      startChat: () =>
        Promise.resolve({ ...decision("allowed-with-notice"), actions: ["continue"] }),
      readerBand: () => "18+",
    } as Partial<PolicyGateway> as PolicyGateway;
    const source: NewGroupSource = { userId: NOOR, createEncryptedGroup: vi.fn() };
    const vm = new NewGroupViewModel(source, gateway, { back: vi.fn(), openConversation: vi.fn() });
    vm.setName("Huiswerk");
    vm.setMembers(SAM);
    await vm.submit();
    expect(vm.getSnapshot()).toMatchObject({ checks: [{ userId: SAM }], primary: "create" });
  });

  it("asks for a name and for people before asking the engine anything", async () => {
    const { vm } = setUp({});
    vm.setName(" ");
    await vm.submit();
    expect(vm.getSnapshot().error?.key).toBe("newGroup.error.name");
    vm.setName("Huiswerk");
    vm.setMembers(NOOR);
    await vm.submit();
    expect(vm.getSnapshot().error?.key).toBe("newGroup.error.noMembers");
  });
});
