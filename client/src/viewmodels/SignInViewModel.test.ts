import { describe, expect, it, vi } from "vitest";
import { SignInViewModel, signInLinkPrefill } from "./SignInViewModel.ts";

describe("SignInViewModel", () => {
  it("opens with a seat link's problem on its own; signing in by hand shows the form", () => {
    const vm = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      message: { kind: "seat-link", error: { key: "signIn.error.seatCodeUsed", params: {} } },
      signIn: vi.fn(),
      onSignedIn: vi.fn(),
    });
    expect(vm.getSnapshot()).toMatchObject({
      seatLinkProblem: { key: "signIn.error.seatCodeUsed" },
      error: undefined,
    });
    vm.signInByHand();
    expect(vm.getSnapshot()).toMatchObject({ seatLinkProblem: undefined, openedByHand: true });
  });

  it("keeps a notice above the form until the next attempt", async () => {
    const vm = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      message: { kind: "notice", notice: { key: "signIn.notice.signedOutElsewhere", params: {} } },
      signIn: () => Promise.resolve({ ok: false, failure: { kind: "wrong-credentials" } }),
      onSignedIn: vi.fn(),
    });
    expect(vm.getSnapshot().notice?.key).toBe("signIn.notice.signedOutElsewhere");
    vm.setUsername("noor");
    expect(vm.getSnapshot().notice?.key).toBe("signIn.notice.signedOutElsewhere");
    vm.setPassword("pw");
    await vm.submit();
    expect(vm.getSnapshot()).toMatchObject({
      notice: undefined,
      error: { key: "signIn.error.wrongCredentials" },
    });
  });

  it("asks for both fields before trying", async () => {
    const signIn = vi.fn();
    const vm = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      signIn,
      onSignedIn: vi.fn(),
    });
    await vm.submit();
    expect(signIn).not.toHaveBeenCalled();
    expect(vm.getSnapshot().error?.key).toBe("signIn.error.required");
  });

  it("opens the server field when the server is the problem, not when the password is", async () => {
    const unreachable = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      signIn: () =>
        Promise.resolve({
          ok: false,
          failure: { kind: "unreachable", homeserverUrl: "http://hs" },
        }),
      onSignedIn: vi.fn(),
    });
    unreachable.setUsername("noor");
    unreachable.setPassword("pw");
    await unreachable.submit();
    expect(unreachable.getSnapshot()).toMatchObject({
      serverFieldOpen: true,
      busy: false,
      error: { key: "signIn.error.unreachable", params: { server: "http://hs" } },
    });

    const wrong = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      signIn: () => Promise.resolve({ ok: false, failure: { kind: "wrong-credentials" } }),
      onSignedIn: vi.fn(),
    });
    wrong.setUsername("noor");
    wrong.setPassword("pw");
    await wrong.submit();
    expect(wrong.getSnapshot()).toMatchObject({
      serverFieldOpen: false,
      error: { key: "signIn.error.wrongCredentials" },
    });
  });

  it("starts filled in from a demo's sign-in link, and signs in with one tap", async () => {
    const signIn = vi.fn(() =>
      Promise.resolve({ ok: false as const, failure: { kind: "wrong-credentials" as const } }),
    );
    const vm = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      prefill: { username: "noor", password: "veilig-demo" },
      signIn,
      onSignedIn: vi.fn(),
    });
    expect(vm.getSnapshot()).toMatchObject({ username: "noor", password: "veilig-demo" });
    await vm.submit();
    expect(signIn).toHaveBeenCalledWith("http://hs", "noor", "veilig-demo");
  });

  it("fills in only the name when the link comes without a password", async () => {
    const signIn = vi.fn();
    const vm = new SignInViewModel({
      defaultHomeserverUrl: "http://hs",
      prefill: { username: "noor", password: undefined },
      signIn,
      onSignedIn: vi.fn(),
    });
    expect(vm.getSnapshot()).toMatchObject({ username: "noor", password: "" });
    await vm.submit();
    expect(signIn).not.toHaveBeenCalled();
    expect(vm.getSnapshot().error?.key).toBe("signIn.error.required");
  });
});

describe("signInLinkPrefill", () => {
  it("reads the account name, and the password only from a demo build", () => {
    expect(signInLinkPrefill("#signin=noor", "veilig-demo")).toEqual({
      username: "noor",
      password: "veilig-demo",
    });
    expect(signInLinkPrefill("#signin=noor", undefined)).toEqual({
      username: "noor",
      password: undefined,
    });
    expect(signInLinkPrefill("#signin=noor", "")).toEqual({
      username: "noor",
      password: undefined,
    });
    expect(signInLinkPrefill("#signin=Lotte", undefined)?.username).toBe("lotte");
  });

  it("ignores any other fragment", () => {
    for (const hash of [
      "",
      "#",
      "#signin=",
      "#signin=no or",
      "#signin=@noor:hs",
      "#x=noor",
      "#%E0%A4%A",
    ]) {
      expect(signInLinkPrefill(hash, "veilig-demo")).toBeUndefined();
    }
  });
});
