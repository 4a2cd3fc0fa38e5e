import { describe, expect, it } from "vitest";
import { wordsIn } from "./renderForTest.tsx";
import { unreadTitle } from "./UnreadTitle.tsx";

describe("the tab's title", () => {
  const { t } = wordsIn("nl");
  it("counts unread messages before the app's name, as chat apps do", () => {
    expect(unreadTitle(3, "Veilig Chatten", t)).toBe("(3) Veilig Chatten");
    expect(unreadTitle(250, "Veilig Chatten", t)).toBe("(99+) Veilig Chatten");
  });

  it("is the app's name alone without unread messages", () => {
    expect(unreadTitle(0, "Veilig Chatten", t)).toBe("Veilig Chatten");
  });
});
