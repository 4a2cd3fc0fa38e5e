import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { ageFactsFromVerified } from "../policy/ageFacts.ts";
import type { ContactProbe, ProbeAnswer } from "../policy/ageGating.ts";
import { createPolicyGateway } from "../policy/policyGateway.ts";
import { NewChatViewModel, type NewChatSource } from "./NewChatViewModel.ts";

const ALEX = "@alex:localhost"; // 18+, the device user
const STRANGER = "@someone:localhost"; // nothing known about their age

function setUp(answer: ProbeAnswer) {
  const probe = vi.fn<ContactProbe>(() => Promise.resolve(answer));
  const gateway = createPolicyGateway({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock: () => Date.UTC(2026, 10, 23),
    ages: ageFactsFromVerified(ALEX, new Map([[ALEX, { ageBand: "18+", ageVerified: true }]])),
    relationships: {
      userId: ALEX,
      serverName: "localhost",
      contacts: () => [],
      sharedRoomCount: () => 0,
    },
    helpServiceNames: [],
    probe,
  });
  const source: NewChatSource = {
    userId: ALEX,
    directChatWith: () => undefined,
    createEncryptedDirectChat: vi.fn(() => Promise.resolve("!new")),
  };
  const navigation = { back: vi.fn(), openConversation: vi.fn() };
  const viewModel = new NewChatViewModel(source, gateway, navigation);
  viewModel.setMatrixId(STRANGER);
  return { viewModel, source, navigation, probe };
}

describe("New chat: the recipient's device does not answer (offline)", () => {
  it("shows the engine's notice with Stop it Now instead of starting the chat silently", async () => {
    const { viewModel, source, probe } = setUp("no-answer");
    await viewModel.submit();
    expect(probe).toHaveBeenCalledTimes(1);
    const { answer } = viewModel.getSnapshot();
    // Allowed after reading: the person may continue, and not going on is what leads.
    expect(answer?.canContinue).toBe(true);
    expect(answer?.primary).toBe("cancel");
    expect(answer?.notices.map((notice) => notice.copyKey)).toEqual([
      "notice.deterrence.recipientMayHoldAside",
    ]);
    expect(answer?.help).toContain("stop-it-now");
    expect(source.createEncryptedDirectChat).not.toHaveBeenCalled();
  });

  it("starts the chat once the person has read the notice and continues", async () => {
    const { viewModel, source, navigation } = setUp("no-answer");
    await viewModel.submit();
    await viewModel.continueAfterNotice();
    expect(source.createEncryptedDirectChat).toHaveBeenCalledWith(STRANGER);
    expect(navigation.openConversation).toHaveBeenCalledWith("!new");
  });

  it("starts at once when the recipient's device answered that it protects no minor", async () => {
    const { viewModel, source } = setUp("open");
    await viewModel.submit();
    expect(viewModel.getSnapshot().answer).toBeUndefined();
    expect(source.createEncryptedDirectChat).toHaveBeenCalledWith(STRANGER);
  });
});
