// Runs the JSON scenario corpus (test/scenarios/*.json): each scenario names a
// bundled pack, a request and the expected effect and deciding rule ids, like
// Cedar's corpus of requests with expected decisions and determining policies.
// The corpus files are checked by a strict schema first, so a typo in a
// scenario fails loudly instead of testing nothing.
//
// Every pack runs the corpus: a bundled pack its own scenarios, a study pack
// (study/packs/*.json, which extends a pack) the scenarios of its base, with
// the base's expectations unless study/packs/expectations/<id>.json says
// where it differs.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  ACTION_IDS,
  AGE_BANDS,
  BUNDLED_PACK_IDS,
  DECISION_POINTS,
  HELP_RESOURCE_IDS,
  PACK_NOTICE_IDS,
  REPORT_CATEGORIES,
  assertNever,
  createPolicyEngine,
  loadPack,
  resolveBundledPack,
} from "../src/index.ts";
import { effectiveBand } from "../src/model/bands.ts";
import {
  CONTACT_EFFECTS,
  CONVERSATION_NOTICE_EFFECTS,
  DISCLOSURE_EFFECTS,
  DISCOVERY_EFFECTS,
  HELP_EFFECTS,
  INCOMING_MEDIA_EFFECTS,
  INCOMING_PRESENTATIONS,
  NOTIFICATION_CONTENTS,
  OUTGOING_MEDIA_EFFECTS,
  PREVIEWS,
  REPORT_EFFECTS,
  ROOM_PRESENTATIONS,
  SETTING_CHANGE_EFFECTS,
} from "../src/model/effects.ts";
import {
  ADVICE_DESTINATIONS,
  DSA_FIELDS,
  HELP_NEEDS,
  MEDIA_RELATIONSHIPS,
  RELATIONSHIP_CLASSES,
  REPORT_SHEETS,
} from "../src/model/ids.ts";
import { DecisionRequestSchema } from "../src/model/request-schema.ts";
import { RULE_IDS } from "../src/model/rule-ids.ts";
import type {
  AgeBand,
  Decision,
  DecisionPoint,
  DecisionRequest,
  ModeratorBand,
} from "../src/index.ts";
import { NOW, bundled } from "./support/fixtures.ts";

const EFFECTS: Readonly<Record<DecisionPoint, readonly string[]>> = {
  discovery: DISCOVERY_EFFECTS,
  contact: CONTACT_EFFECTS,
  "incoming-contact": INCOMING_PRESENTATIONS,
  "conversation-notice": CONVERSATION_NOTICE_EFFECTS,
  disclosure: DISCLOSURE_EFFECTS,
  report: REPORT_EFFECTS,
  help: HELP_EFFECTS,
  "protective-setting-change": SETTING_CHANGE_EFFECTS,
  room: ROOM_PRESENTATIONS,
  media: [...INCOMING_MEDIA_EFFECTS, ...OUTGOING_MEDIA_EFFECTS],
};

const Expectation = z.strictObject({
  effect: z.string(),
  reasons: z.array(z.enum(RULE_IDS)).min(1),
  preview: z.enum(PREVIEWS).optional(),
  relationship: z.enum([...RELATIONSHIP_CLASSES, ...MEDIA_RELATIONSHIPS]).optional(),
  /** Media point, outgoing: each recipient's relationship, in request order. */
  relationships: z.array(z.enum(MEDIA_RELATIONSHIPS)).optional(),
  /** Media point, incoming: shown blurred after the tap. */
  blurred: z.boolean().optional(),
  /** Media point, outgoing: "unsend" offered after sending, and its caveat's copy key. */
  unsend: z.boolean().optional(),
  unsendCaveatCopyKey: z.string().nullable().optional(),
  protectsMinor: z.boolean().optional(),
  notices: z.array(z.enum(PACK_NOTICE_IDS)).optional(),
  noticeCopyKeys: z.array(z.string()).optional(),
  until: z.number().optional(),
  help: z.array(z.enum(HELP_RESOURCE_IDS)).optional(),
  actions: z.array(z.enum(ACTION_IDS)).optional(),
  category: z.enum(REPORT_CATEGORIES).optional(),
  categoryChoices: z.array(z.enum(REPORT_CATEGORIES)).optional(),
  destinations: z.array(z.enum(["moderators", ...ADVICE_DESTINATIONS])).optional(),
  requiredFields: z.array(z.enum(DSA_FIELDS)).optional(),
  reporterIdentityOptional: z.boolean().optional(),
  contextMessages: z.int().min(0).optional(),
  /** Report point: messages of a reported request that travel sealed, unseen by the reporter. */
  requestMessages: z.int().min(0).optional(),
  /** Report point: the sheet's layout for the reporter's band. */
  sheet: z.enum(REPORT_SHEETS).optional(),
  /** Report point: the ages that go to the moderators (verified only), as "minor 13-15" etc. */
  moderatorBands: z
    .strictObject({
      reporter: z.string().nullable(),
      reporterWithheld: z.string().nullable(),
      reported: z.string().nullable(),
    })
    .optional(),
  /** Help point: the needs offered, and the one chosen. */
  needs: z.array(z.enum(HELP_NEEDS)).optional(),
  need: z.enum(HELP_NEEDS).nullable().optional(),
  /** Room point: each member's content, in request order. */
  members: z.array(z.enum(["shown", "on-request", "hidden"])).optional(),
  /** Room point: what a notification of each member's message may show, in request order. */
  notifications: z.array(z.enum(NOTIFICATION_CONTENTS)).optional(),
});

const Scenario = z
  .strictObject({
    name: z.string().min(10),
    pack: z.enum(BUNDLED_PACK_IDS),
    now: z.number().optional(),
    request: DecisionRequestSchema,
    expect: Expectation,
  })
  .superRefine((scenario, context) => {
    if (!EFFECTS[scenario.request.point].includes(scenario.expect.effect)) {
      context.addIssue({
        code: "custom",
        path: ["expect", "effect"],
        message: `"${scenario.expect.effect}" is not an effect of ${scenario.request.point}`,
      });
    }
    // The room point judges each member with the incoming-contact rules, so their ids may appear.
    const own = (reason: string): boolean =>
      reason.startsWith(`${scenario.request.point}/`) ||
      (scenario.request.point === "room" && reason.startsWith("incoming-contact/"));
    const foreign = scenario.expect.reasons.filter((reason) => !own(reason));
    if (foreign.length > 0) {
      context.addIssue({
        code: "custom",
        path: ["expect", "reasons"],
        message: `reasons of another point: ${foreign.join(", ")}`,
      });
    }
  });
type Scenario = z.infer<typeof Scenario>;

const ScenarioFile = z.strictObject({
  description: z.string().min(1),
  scenarios: z.array(Scenario).min(1),
});

const directory = new URL("./scenarios/", import.meta.url);
const files = readdirSync(directory)
  .filter((name) => name.endsWith(".json"))
  .sort();

const corpus = files.map((file) => {
  const parsed = ScenarioFile.safeParse(JSON.parse(readFileSync(new URL(file, directory), "utf8")));
  if (!parsed.success) {
    throw new Error(
      `${file} does not match the scenario schema:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return { file, scenarios: parsed.data.scenarios };
});
const allScenarios = corpus.flatMap(({ scenarios }) => scenarios);

type Expectation = z.infer<typeof Expectation>;

/** Where a study pack's decisions differ from its base's, by scenario name (the whole expectation). */
const PackExpectations = z.strictObject({
  description: z.string().min(1),
  differs: z.record(z.string(), Expectation),
});

const studyFolder = new URL("../../study/packs/", import.meta.url);
const studySources = new Map(
  readdirSync(studyFolder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const value = JSON.parse(readFileSync(new URL(name, studyFolder), "utf8")) as {
        id: string;
        extends?: string;
      };
      return [value.id, value] as const;
    }),
);
const resolveBase = (id: string): unknown => resolveBundledPack(id) ?? studySources.get(id);

/** A study pack's expectations file, or no differences. */
function expectationsOf(id: string): Readonly<Record<string, Expectation>> {
  const file = new URL(`expectations/${id}.json`, studyFolder);
  if (!existsSync(file)) return {};
  const parsed = PackExpectations.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`expectations/${id}.json:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data.differs;
}

type PackUnderTest = {
  readonly id: string;
  readonly engine: ReturnType<typeof createPolicyEngine>;
  /** The pack it extends (undefined for a bundled pack). */
  readonly base: string | undefined;
  readonly differs: Readonly<Record<string, Expectation>>;
};

const packs = new Map<string, PackUnderTest>([
  ...BUNDLED_PACK_IDS.map(
    (id) =>
      [id, { id, engine: createPolicyEngine(bundled(id)), base: undefined, differs: {} }] as const,
  ),
  ...[...studySources.values()].map((source) => {
    const result = loadPack(source, { resolveBase });
    if (!result.ok) throw new Error(`study pack ${source.id}: ${JSON.stringify(result.problems)}`);
    const entry: PackUnderTest = {
      id: source.id,
      engine: createPolicyEngine(result.pack),
      base: source.extends,
      differs: expectationsOf(source.id),
    };
    return [source.id, entry] as const;
  }),
]);

/** The packs from `id` down to its bundled root, e.g. ["nl-teens-filtered", "nl-default"]. */
function lineage(id: string): readonly string[] {
  const base = packs.get(id)?.base;
  return base === undefined ? [id] : [id, ...lineage(base)];
}

/** What `scenario` expects under `id`: the nearest pack in the lineage that says, else the scenario. */
function expectationUnder(scenario: Scenario, id: string): Expectation {
  for (const ancestor of lineage(id)) {
    if (ancestor === scenario.pack) break;
    const own = packs.get(ancestor)?.differs[scenario.name];
    if (own !== undefined) return own;
  }
  return scenario.expect;
}

/** The packs a scenario runs under: its own and every pack that extends it. */
function packsRunning(scenario: Scenario): readonly string[] {
  return [...packs.keys()].filter((id) => lineage(id).includes(scenario.pack));
}

/** The person who reads the decision, whose band the coverage check counts. */
function readerBand(request: DecisionRequest): AgeBand {
  switch (request.point) {
    case "discovery":
      return effectiveBand(request.viewer);
    case "contact":
      return effectiveBand(request.sender);
    case "incoming-contact":
      return effectiveBand(request.recipient);
    case "conversation-notice":
    case "disclosure":
    case "room":
    case "media":
      return effectiveBand(request.self);
    case "report":
      return effectiveBand(request.reporter);
    case "help":
    case "protective-setting-change":
      return effectiveBand(request.person);
    default:
      return assertNever(request, "decision point");
  }
}

/** The decision's fields that a scenario may pin, in the scenario's vocabulary. */
function observed(decision: Decision): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    effect: decision.effect,
    reasons: decision.reasons,
    notices: decision.notices.map((notice) => notice.id),
    noticeCopyKeys: decision.notices.map((notice) => notice.copyKey),
    help: decision.help,
    actions: decision.actions,
  };
  const until = decision.notices.find((notice) => notice.until !== undefined)?.until;
  if (until !== undefined) fields["until"] = until;
  if ("relationship" in decision) fields["relationship"] = decision.relationship;
  if (decision.point === "incoming-contact") {
    fields["preview"] = decision.preview;
    fields["protectsMinor"] = decision.protectsMinor;
  }
  if (decision.point === "room") {
    fields["protectsMinor"] = decision.protectsMinor;
    fields["members"] = decision.members.map((member) => member.content);
    fields["notifications"] = decision.members.map((member) => member.notification);
  }
  if (decision.point === "media") {
    if (decision.until !== null) fields["until"] = decision.until;
    if (decision.direction === "incoming") {
      fields["blurred"] = decision.blurred;
    } else {
      fields["relationships"] = decision.relationships;
      fields["unsend"] = decision.unsend;
      fields["unsendCaveatCopyKey"] = decision.unsendCaveat?.copyKey ?? null;
    }
  }
  if (decision.point === "report") {
    fields["category"] = decision.category;
    fields["categoryChoices"] = decision.categoryChoices;
    fields["destinations"] = decision.destinations.map((destination) => destination.id);
    fields["requiredFields"] = decision.requiredFields;
    fields["reporterIdentityOptional"] = decision.reporterIdentityOptional;
    fields["contextMessages"] = decision.contextMessages;
    fields["requestMessages"] = decision.requestMessages;
    fields["sheet"] = decision.sheet;
    const words = (band: ModeratorBand | null): string | null =>
      band === null ? null : band.band === null ? band.group : `${band.group} ${band.band}`;
    fields["moderatorBands"] = {
      reporter: words(decision.moderatorBands.reporter),
      reporterWithheld: words(decision.moderatorBands.reporterWithheld),
      reported: words(decision.moderatorBands.reported),
    };
  }
  if (decision.point === "help") {
    fields["needs"] = decision.needs;
    fields["need"] = decision.need;
  }
  return fields;
}

describe("scenario corpus", () => {
  it("has at least 80 scenarios, one file per decision point", () => {
    expect(allScenarios.length).toBeGreaterThanOrEqual(80);
    expect(files).toEqual([...DECISION_POINTS].sort().map((point) => `${point}.json`));
  });

  it("covers every decision point for every age band, under every bundled pack", () => {
    for (const point of DECISION_POINTS) {
      const ofPoint = allScenarios.filter((scenario) => scenario.request.point === point);
      const bands = new Set(ofPoint.map((scenario) => readerBand(scenario.request)));
      expect([...bands].sort(), point).toEqual([...AGE_BANDS].sort());
      const packs = new Set(ofPoint.map((scenario) => scenario.pack));
      expect([...packs].sort(), point).toEqual([...BUNDLED_PACK_IDS].sort());
    }
  });

  it("runs every study pack, each extending a bundled pack, with expectations only where it differs", () => {
    const byName = new Map(allScenarios.map((scenario) => [scenario.name, scenario]));
    for (const pack of packs.values()) {
      if (BUNDLED_PACK_IDS.some((id) => id === pack.id)) continue;
      const root = lineage(pack.id).at(-1);
      expect(
        BUNDLED_PACK_IDS.some((id) => id === root),
        `${pack.id} extends a bundled pack`,
      ).toBe(true);
      for (const [name, expectation] of Object.entries(pack.differs)) {
        const scenario = byName.get(name);
        expect(scenario, `expectations/${pack.id}.json names a scenario: ${name}`).toBeDefined();
        if (scenario === undefined) continue;
        expect(packsRunning(scenario), `${name} runs under ${pack.id}`).toContain(pack.id);
        const inherited = expectationUnder(scenario, pack.base ?? scenario.pack);
        expect(expectation, `${pack.id} repeats its base's expectation: ${name}`).not.toEqual(
          inherited,
        );
      }
    }
  });

  for (const { file, scenarios } of corpus) {
    describe(file, () => {
      const runs = scenarios.flatMap((scenario: Scenario) =>
        packsRunning(scenario).map((id) => {
          const title = id === scenario.pack ? scenario.name : `${scenario.name} [${id}]`;
          return [title, id, scenario] as const;
        }),
      );
      it.each(runs)("%s", (_name, id, scenario) => {
        const engine = packs.get(id)?.engine;
        if (engine === undefined) throw new Error(`no pack ${id}`);
        const expected = expectationUnder(scenario, id);
        const decision = engine.decide(scenario.request, scenario.now ?? NOW);
        expect(decision.errors).toEqual([]);
        expect(decision.failedClosed).toBe(false);
        expect(decision.point).toBe(scenario.request.point);
        const actual = observed(decision);
        const pinned = Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
        expect(pinned).toEqual(expected);
      });
    });
  }
});
