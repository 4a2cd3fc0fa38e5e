import { describe, expect, it, vi } from "vitest";
import { SignInViewModel } from "./SignInViewModel.ts";

describe("SignInViewModel", () => {
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
});
