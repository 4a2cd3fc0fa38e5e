// Tooling: what localStorage is to the browser, in memory, for one device
// that is not a browser (a scripted actor's wallet, a test device's
// protection). Nothing survives the process, as befits a throwaway device.

export function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => values.set(key, value),
    removeItem: (key) => values.delete(key),
  };
}
