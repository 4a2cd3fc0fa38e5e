// Services layer, reporting: the pasted team key and the handled list on the moderator's device.
import { describe, expect, it } from "vitest";
import { generateModerationKeyPair, keyToText } from "@safety-by-design/protocol";
import {
  createModeratorDeviceStore,
  handledReportsStorageKey,
  moderatorKeyStorageKey,
  parseModeratorKeyInput,
  type KeyValueStorage,
} from "./moderatorKeyStore.ts";

function memoryStorage(): KeyValueStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

async function teamKeyText() {
  const pair = await generateModerationKeyPair();
  return { publicKey: await keyToText(pair.publicKey), secretKey: await keyToText(pair.secretKey) };
}

const MODERATOR = "@moderation:localhost";
const REPORT_A = "0123456789abcdef0123456789abcdef";
const REPORT_B = "fedcba9876543210fedcba9876543210";

describe("reading a pasted moderation key", () => {
  it("accepts the key file the tooling writes, whitespace and extra fields included", async () => {
    const text = await teamKeyText();
    const pasted = `\n  ${JSON.stringify({ ...text, note: "demo" }, null, 2)}\n`;
    const parsed = await parseModeratorKeyInput(pasted);
    expect(parsed.ok && parsed.text).toEqual(text);
  });

  it("accepts the secret key alone and derives its public key", async () => {
    const text = await teamKeyText();
    const parsed = await parseModeratorKeyInput(` ${text.secretKey} `);
    expect(parsed.ok && parsed.text).toEqual(text);
    expect(await parseModeratorKeyInput(JSON.stringify({ secretKey: text.secretKey }))).toEqual(
      expect.objectContaining({ ok: true, text }),
    );
  });

  it("says what is wrong with anything else", async () => {
    const text = await teamKeyText();
    const other = await teamKeyText();
    expect(await parseModeratorKeyInput("   ")).toEqual({ ok: false, problem: "empty" });
    for (const wrong of [
      "not a key",
      text.publicKey.slice(1),
      `${text.secretKey}=`,
      "{ broken json",
      "[]",
      JSON.stringify({ publicKey: text.publicKey }),
      JSON.stringify({ publicKey: 42, secretKey: text.secretKey }),
      JSON.stringify({ publicKey: "short", secretKey: text.secretKey }),
      "x".repeat(20_000),
    ]) {
      expect(await parseModeratorKeyInput(wrong), wrong.slice(0, 40)).toEqual({
        ok: false,
        problem: "unreadable",
      });
    }
    expect(
      await parseModeratorKeyInput(
        JSON.stringify({ publicKey: other.publicKey, secretKey: text.secretKey }),
      ),
    ).toEqual({ ok: false, problem: "mismatched-pair" });
  });
});

describe("the moderator's device store", () => {
  it("keeps the key per account until it is forgotten", async () => {
    const storage = memoryStorage();
    const text = await teamKeyText();
    const mine = createModeratorDeviceStore(storage, MODERATOR);
    const someoneElse = createModeratorDeviceStore(storage, "@noor:localhost");
    expect(await mine.loadKey()).toBeUndefined();

    mine.saveKey(text);
    expect((await mine.loadKey())?.text).toEqual(text);
    expect(await someoneElse.loadKey()).toBeUndefined();
    expect(storage.items.has(moderatorKeyStorageKey(MODERATOR))).toBe(true);

    mine.forgetKey();
    expect(await mine.loadKey()).toBeUndefined();
    expect(storage.items.has(moderatorKeyStorageKey(MODERATOR))).toBe(false);
  });

  it("drops a damaged stored key instead of using it", async () => {
    const storage = memoryStorage();
    const text = await teamKeyText();
    storage.setItem(moderatorKeyStorageKey(MODERATOR), '{"publicKey":"x"');
    expect(await createModeratorDeviceStore(storage, MODERATOR).loadKey()).toBeUndefined();
    expect(storage.items.size).toBe(0);
    // Only the stored JSON form counts, never a bare string someone put there.
    storage.setItem(moderatorKeyStorageKey(MODERATOR), text.secretKey);
    expect(await createModeratorDeviceStore(storage, MODERATOR).loadKey()).toBeUndefined();
  });

  it("remembers handled reports per account, and can reopen one", () => {
    const storage = memoryStorage();
    const store = createModeratorDeviceStore(storage, MODERATOR);
    store.markHandled(REPORT_A, 1_000);
    store.markHandled(REPORT_B, 2_000);
    store.reopen(REPORT_A);
    expect([...store.handled()]).toEqual([[REPORT_B, 2_000]]);
    expect(createModeratorDeviceStore(storage, "@other:localhost").handled().size).toBe(0);
    // Forgetting the key keeps the handled list: it holds no secret.
    store.forgetKey();
    expect(store.handled().size).toBe(1);
  });

  it("ignores a damaged handled list and entries that are not report IDs", () => {
    const storage = memoryStorage();
    const store = createModeratorDeviceStore(storage, MODERATOR);
    storage.setItem(handledReportsStorageKey(MODERATOR), "not json");
    expect(store.handled().size).toBe(0);
    storage.setItem(
      handledReportsStorageKey(MODERATOR),
      JSON.stringify({ [REPORT_A]: 5, "../x": 1, [REPORT_B]: "soon" }),
    );
    expect([...store.handled()]).toEqual([[REPORT_A, 5]]);
  });
});
