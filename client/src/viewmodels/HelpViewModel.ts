// View model of the help screen: the resources the engine's help decision
// selected for this person and moment. Everything it shows is bundled: no
// network request. In a usability study (with consent) the study log notes
// which organisation's number or site was tapped, nothing more.

import type { ReportCategory } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { HelpDecider } from "../policy/decideHelp.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";

export type HelpMomentView = "general" | "after-warning" | "after-report" | "after-deterrence";

export type HelpSnapshot = {
  readonly moment: HelpMomentView;
  readonly resources: readonly HelpResourceId[];
  /** Set when the policy could not be applied: then every resource shows. */
  readonly notices: readonly NoticeView[];
};

export class HelpViewModel extends ViewModel<HelpSnapshot> {
  readonly #close: () => void;
  readonly #quickExit: () => void;
  readonly #study: StudyRecorder;

  constructor(
    decide: HelpDecider,
    moment: HelpMomentView,
    actions: { close: () => void; quickExit: () => void },
    /** With "after-report": the engine category that was reported. */
    reportCategory?: ReportCategory,
    study: StudyRecorder = NO_STUDY,
  ) {
    const decision = decide(moment, reportCategory);
    super({
      moment,
      resources: decision.help,
      notices: decision.failedClosed ? decision.notices : [],
    });
    this.#close = actions.close;
    this.#quickExit = actions.quickExit;
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

  /** Leaves help at once, for a young person who does not want to be seen reading it. */
  readonly quickExit = (): void => {
    this.#quickExit();
  };
}
