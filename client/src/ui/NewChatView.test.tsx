// "New chat" rendered to HTML (no DOM in unit tests): the screen shows the
// engine's decision as it is, here the notice for a recipient whose device
// did not answer (viewmodels/NewChatViewModel.test.ts gets it from the engine).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "../i18n/i18n.ts";
import { NewChatViewModel } from "../viewmodels/NewChatViewModel.ts";
import { NewChatContainer } from "./NewChatView.tsx";
import { TranslatorContext } from "./TranslatorContext.tsx";

type Gateway = ConstructorParameters<typeof NewChatViewModel>[1];
type ContactDecision = Awaited<ReturnType<Gateway["startChat"]>>;

/** What nl-default decides for an adult whose recipient's device did not answer. */
const recipientDidNotAnswer: ContactDecision = {
  point: "contact",
  effect: "allowed-with-notice",
  relationship: "unverified-stranger",
  decisionId: "nl-default@1.1.0/contact/0",
  pack: { id: "nl-default", version: "1.1.0", purpose: "production" },
  notices: [
    {
      id: "recipient-may-hold-aside",
      severity: "caution",
      copyKey: "notice.deterrence.recipientMayHoldAside",
    },
  ],
  help: ["stop-it-now"],
  actions: ["continue", "cancel", "get-help", "why"],
  reasons: ["contact/recipient-did-not-answer"],
  errors: [],
  failedClosed: false,
};

async function screenAfterSubmit(locale: "nl" | "en"): Promise<string> {
  // Only startChat and the reader's band are used by this screen; the rest is not reached.
  const gateway = {
    startChat: () => Promise.resolve(recipientDidNotAnswer),
    readerBand: () => "18+",
  } as Partial<Gateway> as Gateway;
  const viewModel = new NewChatViewModel(
    {
      userId: "@alex:localhost",
      directChatWith: () => undefined,
      createEncryptedDirectChat: vi.fn(() => Promise.resolve("!new")),
    },
    gateway,
    { back: vi.fn(), openConversation: vi.fn() },
  );
  viewModel.setMatrixId("@someone:localhost");
  await viewModel.submit();
  return renderToStaticMarkup(
    <TranslatorContext value={createTranslator(locale)}>
      <NewChatContainer viewModel={viewModel} />
    </TranslatorContext>,
  );
}

describe("NewChatView", () => {
  it("shows the may-hold-aside notice with Stop it Now and lets the person continue or cancel", async () => {
    const html = await screenAfterSubmit("nl");
    const translator = createTranslator("nl");
    const words = translator.notice("notice.deterrence.recipientMayHoldAside");
    expect(html).toContain(words.replaceAll("'", "&#x27;"));
    expect(words).toContain("zet hun app je bericht apart");
    expect(html).toContain("Stop it Now");
    expect(html).toContain('role="alert"');
    expect(html).toContain(translator.t("newChat.continue"));
    expect(html).toContain(translator.t("newChat.cancel"));
    // The engine asks to read first: not going on is the filled button, going on an ordinary one.
    expect(html).toContain(`class="primary">${translator.t("newChat.cancel")}</button>`);
    expect(html).toContain(`<button type="button">${translator.t("newChat.continue")}</button>`);
  });

  it("says why in an adult's words: the recipient's app did not answer", async () => {
    const html = await screenAfterSubmit("nl");
    const translator = createTranslator("nl");
    expect(html).toContain(translator.t("why.title"));
    const why = translator.why("contact/recipient-did-not-answer", "adult") ?? "missing";
    expect(why).not.toBe(translator.why("contact/recipient-did-not-answer", "teen"));
    expect(html).toContain(why.replaceAll("'", "&#x27;"));
  });

  it("has the English words too", async () => {
    const html = await screenAfterSubmit("en");
    expect(html).toContain("hold your message aside");
  });
});
