// Study kit: which policy pack each participant account runs on this lab
// device. The facilitator console writes it; the participant's client reads
// it when a session starts (main.tsx) and builds its engine from that pack.
// It lives in the device's storage beside the study log, never on a server;
// it holds account IDs (the log itself never does) and pack ids only.

/** The part of the Web Storage API assignments use (localStorage in the app). */
export type StudyStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const STUDY_ASSIGNMENT_KEY = "safety-by-design.study.assignment.v1";
/** Without an assignment a participant runs the production pack. */
export const DEFAULT_STUDY_PACK = "nl-default";

/** Matrix user ID -> pack id. */
export type StudyAssignments = Readonly<Record<string, string>>;

const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const USER_ID = /^@[^:\s]{1,255}:[^\s]{1,255}$/;

export function readAssignments(storage: Pick<StudyStorage, "getItem">): StudyAssignments {
  try {
    const value: unknown = JSON.parse(storage.getItem(STUDY_ASSIGNMENT_KEY) ?? "{}");
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(
        (entry): entry is [string, string] =>
          USER_ID.test(entry[0]) && typeof entry[1] === "string" && PACK_ID.test(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

/** The pack id this account runs; the production pack when none was assigned. */
export function packFor(storage: Pick<StudyStorage, "getItem">, userId: string): string {
  return readAssignments(storage)[userId] ?? DEFAULT_STUDY_PACK;
}

/** Assigns a pack (the console checks it exists); `undefined` removes the assignment. */
export function assignPack(
  storage: StudyStorage,
  userId: string,
  packId: string | undefined,
): void {
  if (!USER_ID.test(userId)) throw new Error("not a Matrix user ID");
  if (packId !== undefined && !PACK_ID.test(packId)) throw new Error("not a pack id");
  const others = Object.entries(readAssignments(storage)).filter(([id]) => id !== userId);
  const next = Object.fromEntries(packId === undefined ? others : [...others, [userId, packId]]);
  storage.setItem(STUDY_ASSIGNMENT_KEY, JSON.stringify(next));
}
