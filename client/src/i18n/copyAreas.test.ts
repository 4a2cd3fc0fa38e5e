// The words load in areas with their screens (i18n.ts), and the translator
// answers synchronously: so every key a piece of code can ask for must be in
// an area loaded before that code runs. Read from the source (copyTestKit.ts):
// - before sign-in (what main.tsx loads before the first screen): the shell;
// - the app after that (all main.tsx loads with import()): shell + session,
//   and on the moderators' screens (loaded on a moderator's device) moderation;
// - the facilitator console page (consoleMain.tsx): shell + facilitator.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientPath, clientSourceRoot, importGraph, keysUsedIn } from "./copyTestKit.ts";
import { facilitatorNl } from "./facilitator.nl.ts";
import { nl as sessionNl } from "./messages.nl.ts";
import { moderationNl } from "./moderation.nl.ts";
import { shellNl } from "./shell.nl.ts";

const areaKeys = {
  shell: Object.keys(shellNl),
  session: Object.keys(sessionNl),
  moderation: Object.keys(moderationNl),
  facilitator: Object.keys(facilitatorNl),
};
const allKeys = new Set(Object.values(areaKeys).flat());

// The words themselves are no screen: i18n/ is left out of every graph.
const code = (files: readonly string[]): string[] =>
  files.filter((file) => !file.includes(`${clientSourceRoot}/i18n/`));
const appPage = join(clientSourceRoot, "main.tsx");
const consolePage = join(clientSourceRoot, "consoleMain.tsx");
const beforeSignIn = code(importGraph(appPage));
const wholeApp = code(importGraph(appPage, { dynamic: true }));
const consoleCode = code(importGraph(consolePage));
// The moderators' screens and what only they use (main.tsx loads their area for a moderator).
const isModeration = (file: string): boolean => /\/(moderation|Moderation)[^/]*$/.test(file);
const afterSignIn = wholeApp.filter((file) => !beforeSignIn.includes(file));

const contexts = [
  ["before sign-in", beforeSignIn, ["shell"]],
  ["a session", afterSignIn.filter((file) => !isModeration(file)), ["shell", "session"]],
  ["the moderators' screens", afterSignIn.filter(isModeration), ["shell", "session", "moderation"]],
  ["the facilitator console", consoleCode, ["shell", "facilitator"]],
] as const;

describe("every key a screen asks for is in an area loaded before it", () => {
  it.each(contexts)("%s", (_, files, areas) => {
    expect(files.length).toBeGreaterThan(0);
    const loaded = new Set(areas.flatMap((area) => areaKeys[area]));
    const missing = files.flatMap((file) =>
      [...keysUsedIn(file, allKeys)]
        .filter((key) => !loaded.has(key))
        .map((key) => `${clientPath(file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it("knows every piece of code that asks for words", () => {
    const known = new Set([...wholeApp, ...consoleCode]);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return path.endsWith("/i18n") ? [] : walk(path);
        return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
      });
    const unknown = walk(clientSourceRoot)
      .filter((file) => !known.has(file) && keysUsedIn(file, allKeys).size > 0)
      .map(clientPath);
    // Test kits and renderers for tests ask for words too, but no page loads them.
    expect(unknown.filter((file) => !/testKit|renderForTest|entries\//.test(file))).toEqual([]);
  });

  it("keeps the shell to what shows before sign-in", () => {
    // A shell key no code before sign-in asks for belongs in its screen's area.
    const asked = new Set(beforeSignIn.flatMap((file) => [...keysUsedIn(file, allKeys)]));
    expect(areaKeys.shell.filter((key) => !asked.has(key))).toEqual([]);
  });
});
