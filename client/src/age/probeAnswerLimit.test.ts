// Services layer, age exchange: the per-sender token bucket for probe answers.
import { describe, expect, it } from "vitest";
import { DEFAULT_PROBE_ANSWER_LIMIT, ProbeAnswerBudget } from "./probeAnswerLimit.ts";

const MALLORY = "@mallory:localhost";
const ALEX = "@alex:localhost";

function budget(start = 1_000_000) {
  const clock = { now: start };
  return { clock, answers: new ProbeAnswerBudget(DEFAULT_PROBE_ANSWER_LIMIT, () => clock.now) };
}

/** How many of `count` probes from `sender` right now would be answered. */
function burst(answers: ProbeAnswerBudget, sender: string, count: number): number {
  let answered = 0;
  for (let i = 0; i < count; i++) if (answers.take(sender)) answered++;
  return answered;
}

describe("ProbeAnswerBudget (5 at once, then 1 per 10 s, per sender)", () => {
  it("answers 5 of a burst of 40, then one more per 10 s", () => {
    const { clock, answers } = budget();
    expect(burst(answers, MALLORY, 40)).toBe(5);
    clock.now += 9_999;
    expect(answers.take(MALLORY)).toBe(false);
    clock.now += 1;
    expect(answers.take(MALLORY)).toBe(true);
    expect(answers.take(MALLORY)).toBe(false);
  });

  it("refills up to the burst and no further", () => {
    const { clock, answers } = budget();
    expect(burst(answers, MALLORY, 5)).toBe(5);
    clock.now += 25_000; // two and a half answers back
    expect(burst(answers, MALLORY, 10)).toBe(2);
    clock.now += 24 * 60 * 60 * 1000; // a day later: a full burst, not 8640
    expect(burst(answers, MALLORY, 100)).toBe(5);
  });

  it("counts each sender on its own", () => {
    const { answers } = budget();
    expect(burst(answers, MALLORY, 40)).toBe(5);
    expect(burst(answers, ALEX, 2)).toBe(2);
    expect(answers.take(MALLORY)).toBe(false);
  });

  it("gives nothing back when the clock goes backwards", () => {
    const { clock, answers } = budget();
    expect(burst(answers, MALLORY, 5)).toBe(5);
    clock.now -= 60_000;
    expect(answers.take(MALLORY)).toBe(false);
    clock.now += 60_000 + 9_000; // 9 s after the burst, however the clock went meanwhile
    expect(answers.take(MALLORY)).toBe(false);
    clock.now += 1_000;
    expect(answers.take(MALLORY)).toBe(true);
  });

  it("remembers at most 1000 senders, forgetting full budgets first, and still limits a recent flood", () => {
    const { clock, answers } = budget();
    for (let i = 0; i < 1500; i++) answers.take(`@sender${String(i)}:localhost`);
    expect(answers.trackedSenders).toBeLessThanOrEqual(1000);
    expect(burst(answers, MALLORY, 40)).toBe(5);
    clock.now += 10_000; // every early sender's budget is full again: they need no entry
    answers.take(`@late:localhost`);
    for (let i = 0; i < 1000; i++) answers.take(`@later${String(i)}:localhost`);
    expect(answers.trackedSenders).toBeLessThanOrEqual(1000);
    expect(burst(answers, MALLORY, 5)).toBe(1);
  });

  it("refuses a limit that would answer nothing or never refill", () => {
    expect(() => new ProbeAnswerBudget({ burst: 0, refillMs: 10_000 }, () => 0)).toThrow();
    expect(() => new ProbeAnswerBudget({ burst: 5, refillMs: 0 }, () => 0)).toThrow();
  });
});
