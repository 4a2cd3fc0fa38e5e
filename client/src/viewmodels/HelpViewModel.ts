// View model of the help screen: the resources the engine's help decision
// selected for this person and moment. Everything it shows is bundled: no
// network request. In a usability study (with consent) the study log notes
// which organisation's number or site was tapped, nothing more. The quick
// exit is the app's, on every screen (RootViewModel.quickExit), not help's.

import type { AgeBand, ReportCategory } from "@safety-by-design/policy-engine";
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
  /** Set when the policy could not be applied: then every resource shows. */
  readonly notices: readonly NoticeView[];
  /** Why these organisations: the rules of the help decision, for this reader. */
  readonly why: WhyView;
};

/** What the help screen's view may ask for. */
export type HelpViewActions = {
  readonly openResource: (resource: HelpResourceId) => void;
  readonly close: () => void;
};

export class HelpViewModel extends ViewModel<HelpSnapshot> implements HelpViewActions {
  readonly #close: () => void;
  readonly #study: StudyRecorder;

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
    const decision = decide(moment, reportCategory);
    super({
      moment,
      resources: decision.help,
      notices: decision.failedClosed ? decision.notices : [],
      why: whyViewOf([decision], readerBand),
    });
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

  readonly close = (): void => {
    this.#close();
  };
}
