// UI: what each section of the facilitator console renders from: the
// console's snapshot and the actions its view model offers.
import type { ConsoleSnapshot, ConsoleViewActions } from "../../viewmodels/ConsoleViewModel.ts";

export type ConsoleSectionProps = {
  readonly view: ConsoleSnapshot;
  readonly actions: ConsoleViewActions;
};
