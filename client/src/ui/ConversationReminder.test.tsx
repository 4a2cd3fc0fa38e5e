// The reminder and the compact help row, rendered to HTML (no DOM in unit tests).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/i18n.ts";
import { ConversationReminderViewModel } from "../viewmodels/ConversationReminderViewModel.ts";
import { ConversationReminderContainer } from "./ConversationReminder.tsx";
import { HelpRows } from "./HelpRows.tsx";
import { TranslatorContext } from "./TranslatorContext.tsx";

type Decide = ConstructorParameters<typeof ConversationReminderViewModel>[1];
type Decision = ReturnType<Decide>;

const decision = (over: Partial<Decision> = {}): Decision => ({
  point: "conversation-notice",
  effect: "show-notices",
  relationship: "unverified-stranger",
  decisionId: "test@1/conversation-notice/0",
  pack: { id: "test", version: "1", purpose: "production" },
  notices: [
    {
      id: "recently-accepted-unknown-adult",
      severity: "caution",
      copyKey: "notice.recentlyAcceptedUnknownAdult.teen13",
      until: 10,
    },
  ],
  help: ["kindertelefoon"],
  actions: ["block", "report", "get-help", "why"],
  reasons: ["conversation-notice/recently-accepted-stranger"],
  errors: [],
  failedClosed: false,
  ...over,
});

function reminder(answer: Decision): ConversationReminderViewModel {
  return new ConversationReminderViewModel(
    {
      userId: "@noor:hs",
      conversation: (roomId) => ({
        roomId,
        name: "Alex",
        encrypted: true,
        members: [
          {
            userId: "@alex:hs",
            name: "Alex",
            label: "Alex",
            disambiguated: false,
            membership: "join",
          },
        ],
        messages: [],
        canLoadOlder: false,
      }),
      conversationOrigin: () => ({ origin: "accepted-request", acceptedAt: 0 }),
      joinedAt: () => 0,
      subscribe: () => () => undefined,
    },
    () => answer,
    "!r",
    () => () => undefined,
  );
}

const render = (element: React.ReactElement, locale: "nl" | "en" = "nl") =>
  renderToStaticMarkup(
    <TranslatorContext value={createTranslator(locale)}>{element}</TranslatorContext>,
  );

describe("ConversationReminder", () => {
  it("shows the notice for the reader's band, help one tap away and why, as a note (not an alert)", () => {
    const html = render(<ConversationReminderContainer viewModel={reminder(decision())} />);
    expect(html).toContain('role="note"');
    expect(html).toContain('aria-label="Herinnering"');
    expect(html).not.toContain('role="alert"');
    const words = createTranslator("nl").notice("notice.recentlyAcceptedUnknownAdult.teen13");
    expect(html).toContain(words.replaceAll("'", "&#x27;"));
    expect(html).toContain('href="tel:08000432"');
    expect(html).toContain("Waarom zie ik dit?");
    expect(html).toContain("Je hebt dit verzoek pas geaccepteerd.");
    // Nothing to dismiss: the engine decides when it goes.
    expect(html).not.toMatch(/sluit|dismiss|close/i);
  });

  it("is compact under the header: the notice, with help and why folded behind 'Lees meer'", () => {
    const html = render(<ConversationReminderContainer viewModel={reminder(decision())} />);
    const folded =
      /<div id="([^"]+)" class="reminder-more" hidden="">.*tel:08000432.*Waarom zie ik dit\?/;
    const id = folded.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(
      `aria-expanded="false" aria-controls="${id ?? ""}">${createTranslator("nl").t("conversation.reminderMore")}</button>`,
    );
    // The notice itself is not folded away (only cut to its first lines on screen).
    expect(html.indexOf("Je kent deze persoon")).toBeLessThan(
      html.indexOf('class="reminder-more"'),
    );
  });

  it("renders nothing when the engine raises no standing notice", () => {
    const html = render(
      <ConversationReminderContainer
        viewModel={reminder(decision({ effect: "none", notices: [], help: [], actions: [] }))}
      />,
    );
    expect(html).toBe("");
  });
});

describe("HelpRows (help inside a warning)", () => {
  it("is one line per resource: the name and one tap to call, with the full card folded away", () => {
    const html = render(<HelpRows ids={["kindertelefoon", "helpwanted"]} />);
    expect(html.match(/class="help-row"/g)).toHaveLength(2);
    expect(html).toMatch(
      /<a class="help-row-main" href="tel:08000432"><strong>De Kindertelefoon<\/strong>/,
    );
    expect(html).toContain("0800-0432");
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-label="Meer over De Kindertelefoon"');
    // The purpose text of the full card is not rendered until "Meer" is tapped.
    expect(html).not.toContain("Praat over alles wat je dwarszit");
  });

  it("links to the website for a resource without a phone line", () => {
    const html = render(<HelpRows ids={["meldpunt-kinderporno"]} />, "en");
    expect(html).toContain('href="https://www.meldpunt-kinderporno.nl/"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('aria-label="More about Meldpunt Kinderporno"');
  });

  it("renders nothing without resources", () => {
    expect(render(<HelpRows ids={[]} />)).toBe("");
  });
});
