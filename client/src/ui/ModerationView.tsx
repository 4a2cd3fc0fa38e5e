// UI: the moderators' screen: import the team key, list reports, read one,
// mark it handled. Renders ModerationViewModel's snapshot (moderation/ holds
// the list and the report); routing advice and checks come decided from below.
import type {
  ModerationSnapshot,
  ModerationViewActions,
  ModerationViewModel,
} from "../viewmodels/ModerationViewModel.ts";
import { ModerationInbox } from "./moderation/ModerationInbox.tsx";
import { ModerationReport } from "./moderation/ModerationReport.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** Binds the moderation screen to its view model. */
export function ModerationContainer({ viewModel }: { viewModel: ModerationViewModel }) {
  return <ModerationView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function ModerationView({
  view,
  actions,
}: {
  view: ModerationSnapshot;
  actions: ModerationViewActions;
}) {
  const { locale } = useTranslator();
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const when = (ms: number) => dateTime.format(new Date(ms));
  return view.selected === undefined ? (
    <ModerationInbox view={view} actions={actions} when={when} />
  ) : (
    <ModerationReport report={view.selected} actions={actions} when={when} />
  );
}
