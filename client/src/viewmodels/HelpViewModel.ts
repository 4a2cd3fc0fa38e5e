// View model of the help screen: the resources the engine's help decision
// selected for this person and moment. Everything it shows is bundled: no
// network request. In a usability study (with consent) the study log notes
// which organisation's number or site was tapped, nothing more. The quick
// exit is the app's, on every screen (RootViewModel.quickExit), not help's.
//
// "What is going on?": the person may tap one need (someone asks for
// pictures, a picture of me is shared, ...), and the engine picks the help
// for that need, their band and the moment (seed 002: help that fits the
// child's need). Only the tapped choice reaches the engine, never a message;
// which needs are offered is the engine's. The choice is not recorded, not
// even in a study: it says more about a child than a study needs to know.

import type { AgeBand, HelpNeed, ReportCategory } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { HelpDecider } from "../policy/decideHelp.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

export type HelpMomentView = "general" | "after-warning" | "after-report" | "after-deterrence";

export type HelpSnapshot = {
  readonly moment: HelpMomentView;
  readonly resources: readonly HelpResourceId[];
  /** The needs the person may tap, in order (the engine's; empty: no choice offered). */
  readonly needs: readonly HelpNeed[];
  /** The need the help was picked for; undefined until one is tapped. */
  readonly need: HelpNeed | undefined;
  /** Set when the policy could not be applied: then every resource shows. */
  readonly notices: readonly NoticeView[];
  /** Why these organisations: the rules of the help decision, for this reader. */
  readonly why: WhyView;
};

/** What the help screen's view may ask for. */
export type HelpViewActions = {
  readonly openResource: (resource: HelpResourceId) => void;
  /** Tapping the chosen need again clears it (the general help shows again). */
  readonly chooseNeed: (need: HelpNeed) => void;
  readonly close: () => void;
};

export class HelpViewModel extends ViewModel<HelpSnapshot> implements HelpViewActions {
  readonly #close: () => void;
  readonly #study: StudyRecorder;
  readonly #decide: HelpDecider;
  readonly #moment: HelpMomentView;
  readonly #reportCategory: ReportCategory | undefined;
  readonly #readerBand: AgeBand;

  constructor(
    decide: HelpDecider,
    moment: HelpMomentView,
    actions: { close: () => void },
    /** With "after-report": the engine category that was reported. */
    reportCategory?: ReportCategory,
    study: StudyRecorder = NO_STUDY,
    /** The person's band as the engine reads it; before sign-in nobody's age is known. */
    readerBand: AgeBand = "unverified",
  ) {
    super(snapshotOf(decide, moment, reportCategory, undefined, readerBand));
    this.#decide = decide;
    this.#moment = moment;
    this.#reportCategory = reportCategory;
    this.#readerBand = readerBand;
    this.#close = actions.close;
    this.#study = study;
  }

  /** A resource's phone number or site was tapped (the link itself opens as usual). */
  readonly openResource = (resource: HelpResourceId): void => {
    this.#study.record({
      kind: "help-resource-opened",
      moment: this.getSnapshot().moment,
      resource,
    });
  };

  readonly chooseNeed = (need: HelpNeed): void => {
    const { needs, need: chosen } = this.getSnapshot();
    if (!needs.includes(need)) return;
    const next = chosen === need ? undefined : need;
    this.update(
      snapshotOf(this.#decide, this.#moment, this.#reportCategory, next, this.#readerBand),
    );
  };

  readonly close = (): void => {
    this.#close();
  };
}

function snapshotOf(
  decide: HelpDecider,
  moment: HelpMomentView,
  reportCategory: ReportCategory | undefined,
  need: HelpNeed | undefined,
  readerBand: AgeBand,
): HelpSnapshot {
  const decision = decide(moment, reportCategory, need);
  return {
    moment,
    resources: decision.help,
    needs: decision.needs,
    need: decision.need ?? undefined,
    notices: decision.failedClosed ? decision.notices : [],
    why: whyViewOf([decision], readerBand),
  };
}
