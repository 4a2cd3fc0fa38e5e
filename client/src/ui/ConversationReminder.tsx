// UI: the calm reminder under a conversation's header, for as long as the
// engine's conversation-notice decision says: its notices, help one tap away,
// and why. It cannot be dismissed (the engine decides when it goes); it is a
// note, not an alert, so screen readers do not interrupt the conversation for
// it. On a phone it is compact, so the newest message stays in sight: the
// notice's first lines, and "Lees meer" opens all of it with help and "why".
// Screen readers get the whole notice either way (the lines are only cut visually).
import { useId, useState } from "react";
import type {
  ConversationReminderSnapshot,
  ConversationReminderViewActions,
  ConversationReminderViewModel,
} from "../viewmodels/ConversationReminderViewModel.ts";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

/** Binds the reminder to its view model. */
export function ConversationReminderContainer({
  viewModel,
}: {
  viewModel: ConversationReminderViewModel;
}) {
  return <ConversationReminder view={useViewModel(viewModel)} actions={viewModel} />;
}

export function ConversationReminder({
  view,
  actions,
}: {
  view: ConversationReminderSnapshot;
  actions: ConversationReminderViewActions;
}) {
  const { t } = useTranslator();
  const [open, setOpen] = useState(false);
  const moreId = useId();
  if (view.notices.length === 0) return null;
  return (
    <div
      className={open ? "reminder open" : "reminder"}
      role="note"
      aria-label={t("conversation.reminderLabel")}
    >
      <NoticeList notices={view.notices} />
      <div id={moreId} className="reminder-more" hidden={!open}>
        <HelpRows ids={view.help} onOpen={actions.openHelpResource} />
        <WhyDetails why={view.why} onOpen={actions.openWhy} />
      </div>
      <button
        type="button"
        className="reminder-toggle"
        aria-expanded={open}
        aria-controls={moreId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {open ? t("conversation.reminderLess") : t("conversation.reminderMore")}
      </button>
    </div>
  );
}
