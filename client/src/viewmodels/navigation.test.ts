import { describe, expect, it, vi } from "vitest";
import { fakeBrowserHistory } from "./historyTestKit.ts";
import { Navigation } from "./navigation.ts";

function depths(entries: readonly unknown[]): (number | undefined)[] {
  return entries.map((state) => {
    const mark = (state as { safetyByDesignStep?: { depth: number } } | null)?.safetyByDesignStep;
    return mark?.depth;
  });
}

describe("Navigation", () => {
  it("marks the entry the app loads on as its first screen", () => {
    const fake = fakeBrowserHistory();
    new Navigation(fake.browser, "load-1");
    expect(fake.entries()).toEqual([{ safetyByDesignStep: { load: "load-1", depth: 0 } }]);
  });

  it("gives each step a browser entry, and the browser's back runs the top step's back", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const closeConversation = vi.fn();
    const closeSheet = vi.fn();
    navigation.push(closeConversation);
    navigation.push(closeSheet);
    expect(depths(fake.entries())).toEqual([0, 1, 2]);
    expect(fake.index()).toBe(2);

    fake.pressBack();
    fake.settle();
    expect(closeSheet).toHaveBeenCalledTimes(1);
    expect(closeConversation).not.toHaveBeenCalled();

    fake.pressBack();
    fake.settle();
    expect(closeConversation).toHaveBeenCalledTimes(1);
    expect(fake.index()).toBe(0);
    expect(fake.leftTheApp()).toBe(0);
  });

  it("with no step open, back leaves the app: the first screen is no back trap", () => {
    const fake = fakeBrowserHistory(["the page before"]);
    new Navigation(fake.browser, "load-1");
    fake.pressBack();
    fake.settle();
    expect(fake.leftTheApp()).toBe(1);
  });

  it("when the app leaves a step itself, the browser goes back too, and nothing runs twice", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const back = vi.fn();
    const step = navigation.push(back);
    step.leave();
    step.leave();
    fake.settle();
    expect(fake.index()).toBe(0);
    expect(back).not.toHaveBeenCalled();
    // The browser's back from here leaves the app: no entry was left behind.
    fake.pressBack();
    fake.settle();
    expect(fake.leftTheApp()).toBe(1);
  });

  it("leaves a step under another (the screen behind a sheet changed): one entry fewer", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const conversation = navigation.push(vi.fn());
    const closeSheet = vi.fn();
    navigation.push(closeSheet);
    conversation.leave();
    fake.settle();
    expect(fake.index()).toBe(1);
    fake.pressBack();
    fake.settle();
    expect(closeSheet).toHaveBeenCalledTimes(1);
    expect(fake.index()).toBe(0);
  });

  it("a step opened while the browser is still going back gets its entry once it got there", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const first = navigation.push(vi.fn());
    first.leave();
    const back = vi.fn();
    navigation.push(back);
    // Nothing is pushed on top of the entry that is about to be left.
    expect(fake.entries()).toHaveLength(2);
    fake.settle();
    expect(depths(fake.entries())).toEqual([0, 1]);
    expect(fake.index()).toBe(1);
    fake.pressBack();
    fake.settle();
    expect(back).toHaveBeenCalledTimes(1);
  });

  it("a back step that closes more than itself does not push entries while the browser goes back", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const conversation = navigation.push(vi.fn());
    // Closing the sheet also leaves the screen under it.
    navigation.push(() => {
      conversation.leave();
    });
    fake.pressBack();
    fake.settle();
    fake.settle();
    expect(fake.index()).toBe(0);
    expect(depths(fake.entries()).slice(0, 1)).toEqual([0]);
  });

  it("forward does not reopen a closed step: the browser is taken back", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const back = vi.fn();
    navigation.push(back);
    fake.pressBack();
    fake.settle();
    fake.pressForward();
    fake.settle();
    expect(fake.index()).toBe(0);
    expect(back).toHaveBeenCalledTimes(1);
  });

  it("after a reload, entries of the earlier visit are passed over: back from the first screen leaves", () => {
    const earlier = (depth: number) => ({ safetyByDesignStep: { load: "load-1", depth } });
    const fake = fakeBrowserHistory(["the page before", earlier(0), earlier(1)]);
    const navigation = new Navigation(fake.browser, "load-2");
    const back = vi.fn();
    navigation.push(back);
    fake.pressBack();
    fake.settle();
    expect(back).toHaveBeenCalledTimes(1);
    expect(fake.leftTheApp()).toBe(0);
    fake.pressBack();
    fake.settle();
    expect(fake.leftTheApp()).toBe(1);
  });

  it("while suspended for the quick exit, steps close without touching the history", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const step = navigation.push(vi.fn());
    navigation.suspend();
    step.leave();
    navigation.push(vi.fn()).leave();
    fake.settle();
    expect(depths(fake.entries())).toEqual([0, 1]);
    expect(fake.index()).toBe(1);
  });

  it("coming back after a quick exit brings the browser in step with what the app shows", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const conversation = navigation.push(vi.fn());
    const profile = navigation.push(vi.fn());
    navigation.suspend();
    profile.leave();
    conversation.leave();
    // The quick exit replaced the top entry; back lands on the conversation's entry.
    fake.pressBack();
    fake.settle();
    fake.settle();
    expect(fake.index()).toBe(0);
  });

  it("stops listening when disposed", () => {
    const fake = fakeBrowserHistory();
    const navigation = new Navigation(fake.browser, "load-1");
    const back = vi.fn();
    navigation.push(back);
    navigation.dispose();
    fake.pressBack();
    fake.settle();
    expect(back).not.toHaveBeenCalled();
  });
});
