import { describe, expect, it, vi } from "vitest";
import { RecoveryViewModel, type RecoverySource } from "./RecoveryViewModel.ts";

function source(overrides: Partial<RecoverySource> = {}): RecoverySource {
  return {
    recoveryStatus: () => Promise.resolve("not-set-up"),
    setUpRecovery: vi.fn(() =>
      Promise.resolve({ ok: true as const, recoveryKey: "EsTc abcd efgh" }),
    ),
    restoreWithRecoveryKey: vi.fn(() =>
      Promise.resolve({ ok: true as const, imported: 3, total: 3, deviceVerified: true }),
    ),
    ...overrides,
  };
}

describe("RecoveryViewModel", () => {
  it("makes a key, shows it once, and finishes only after the person says it is saved", async () => {
    const done = vi.fn();
    const vm = new RecoveryViewModel(source(), "not-set-up", done);
    await vm.setUp();
    expect(vm.getSnapshot()).toEqual({
      step: "show-key",
      recoveryKey: "EsTc abcd efgh",
      saved: false,
    });
    vm.confirmSaved(true);
    expect(vm.getSnapshot()).toMatchObject({ saved: true });
    vm.finish();
    expect(done).toHaveBeenCalled();
  });

  it("asks for the password when the server wants it, and sends it on the next try", async () => {
    const setUpRecovery = vi
      .fn<RecoverySource["setUpRecovery"]>()
      .mockResolvedValueOnce({ ok: false, error: "password-needed" })
      .mockResolvedValueOnce({ ok: true, recoveryKey: "EsTc k" });
    const vm = new RecoveryViewModel(source({ setUpRecovery }), "not-set-up", vi.fn());
    await vm.setUp();
    expect(vm.getSnapshot()).toMatchObject({
      step: "offer",
      needsPassword: true,
      error: "recovery.error.passwordNeeded",
    });
    vm.setPassword("geheim");
    await vm.setUp();
    expect(setUpRecovery).toHaveBeenLastCalledWith({ password: "geheim" });
    expect(vm.getSnapshot().step).toBe("show-key");
  });

  it("explains a wrong or mistyped key and keeps what was typed", async () => {
    const restoreWithRecoveryKey = vi
      .fn<RecoverySource["restoreWithRecoveryKey"]>()
      .mockResolvedValueOnce({ ok: false, error: "typo" })
      .mockResolvedValueOnce({ ok: false, error: "wrong-key" })
      .mockResolvedValueOnce({ ok: true, imported: 2, total: 2, deviceVerified: true });
    const vm = new RecoveryViewModel(
      source({ restoreWithRecoveryKey }),
      "needs-recovery-key",
      vi.fn(),
    );
    vm.setInput("EsTc abcd");
    await vm.restore();
    expect(vm.getSnapshot()).toMatchObject({
      step: "enter-key",
      input: "EsTc abcd",
      error: "recovery.error.typo",
    });
    await vm.restore();
    expect(vm.getSnapshot()).toMatchObject({ error: "recovery.error.wrongKey" });
    await vm.restore();
    expect(vm.getSnapshot()).toEqual({ step: "restored", imported: 2 });
  });
});
