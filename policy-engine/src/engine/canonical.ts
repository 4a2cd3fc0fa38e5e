// A canonical, total serialisation for the failure path: it accepts anything
// (cycles, throwing getters, symbols, bigints) and gives the same string for
// equal inputs whatever their key order, so fail-closed decision ids stay
// deterministic. The hot path hashes validated facts directly instead.

export function canonicalJson(value: unknown): string {
  const open = new Set<object>();
  const walk = (current: unknown, depth: number): string => {
    if (depth > 32) return '"[too deep]"';
    switch (typeof current) {
      case "string":
        return JSON.stringify(current);
      case "number":
        return Number.isFinite(current) ? String(current) : `"[number ${String(current)}]"`;
      case "boolean":
        return current ? "true" : "false";
      case "undefined":
        return '"[undefined]"';
      case "bigint":
        return `"[bigint ${current.toString()}]"`;
      case "symbol":
        return '"[symbol]"';
      case "function":
        return '"[function]"';
      case "object": {
        if (current === null) return "null";
        if (open.has(current)) return '"[circular]"';
        open.add(current);
        try {
          if (Array.isArray(current)) {
            const items: string[] = [];
            for (let index = 0; index < current.length; index++) {
              items.push(walk((current as unknown[])[index], depth + 1));
            }
            return `[${items.join(",")}]`;
          }
          const fields = current as Record<string, unknown>;
          const entries = Object.keys(fields)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${walk(fields[key], depth + 1)}`);
          return `{${entries.join(",")}}`;
        } catch {
          return '"[unreadable]"';
        } finally {
          open.delete(current);
        }
      }
      default:
        // typeof has no other results, but TypeScript cannot narrow `unknown` to never here.
        return '"[unknown]"';
    }
  };
  try {
    return walk(value, 0);
  } catch {
    return '"[unreadable]"';
  }
}
