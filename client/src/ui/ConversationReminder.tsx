// The calm reminder at the top of a conversation, for as long as the engine's
// conversation-notice decision says: its notices, help one tap away, and why.
// It cannot be dismissed (the engine decides when it goes); it is a note, not
// an alert, so screen readers do not interrupt the conversation for it.
import type { ConversationReminderViewModel } from "../viewmodels/ConversationReminderViewModel.ts";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

export function ConversationReminder({ viewModel }: { viewModel: ConversationReminderViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();
  if (view.notices.length === 0) return null;
  return (
    <div className="reminder" role="note" aria-label={t("conversation.reminderLabel")}>
      <NoticeList notices={view.notices} />
      <HelpRows ids={view.help} onOpen={viewModel.openHelpResource} />
      <WhyDetails reasons={view.reasons} pack={view.pack} onOpen={viewModel.openWhy} />
    </div>
  );
}
