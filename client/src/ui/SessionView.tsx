// UI: a running session's screens: the one SessionViewModel has open, with
// the report sheet over it (a modal dialog: the screen behind is inert while
// it is open).
import type { SessionScreen, SessionViewModel } from "../viewmodels/SessionViewModel.ts";
import { assertNever } from "../viewmodels/assertNever.ts";
import { ChatListContainer } from "./ChatListView.tsx";
import { ConversationContainer } from "./ConversationView.tsx";
import { FindPeopleContainer } from "./FindPeopleView.tsx";
import { ModerationContainer } from "./ModerationView.tsx";
import { MyReportsContainer } from "./MyReportsView.tsx";
import { NewChatContainer } from "./NewChatView.tsx";
import { NewGroupContainer } from "./NewGroupView.tsx";
import { ProfileContainer } from "./ProfileView.tsx";
import { RecoveryContainer } from "./RecoveryView.tsx";
import { ReportSheetContainer } from "./ReportSheetView.tsx";
import { RequestContainer } from "./RequestView.tsx";
import { SettingsContainer } from "./SettingsView.tsx";
import { SessionLoadingView } from "./SessionLoadingView.tsx";
import { UnreadTitle } from "./UnreadTitle.tsx";
import { useViewModel } from "./useViewModel.ts";

export function SessionView({ viewModel }: { viewModel: SessionViewModel }) {
  const { screen, report } = useViewModel(viewModel);
  return (
    <>
      <main className="app-main">
        <Screen screen={screen} />
      </main>
      {report ? <ReportSheetContainer viewModel={report} /> : null}
      <UnreadTitle viewModel={viewModel.attention} />
    </>
  );
}

/** Every loading stage is done; the first screen opens (the recovery key's state is asked). */
const OPENING = { stage: "done", slow: false } as const;
const NO_RETRY = {
  retry: () => {
    // Nothing hangs here to retry: the session runs, and chatting never waits for the key.
  },
};

function Screen({ screen }: { screen: SessionScreen }) {
  switch (screen.kind) {
    case "opening":
      return <SessionLoadingView view={OPENING} actions={NO_RETRY} />;
    case "chats":
      return <ChatListContainer viewModel={screen.chatList} />;
    case "conversation":
      return <ConversationContainer viewModel={screen.conversation} />;
    case "request":
      return <RequestContainer viewModel={screen.request} />;
    case "new-chat":
      return <NewChatContainer viewModel={screen.newChat} />;
    case "find-people":
      return <FindPeopleContainer viewModel={screen.findPeople} />;
    case "recovery":
      return <RecoveryContainer viewModel={screen.recovery} />;
    case "new-group":
      return <NewGroupContainer viewModel={screen.newGroup} />;
    case "moderation":
      return <ModerationContainer viewModel={screen.moderation} />;
    case "settings":
      return <SettingsContainer viewModel={screen.settings} />;
    case "my-reports":
      return <MyReportsContainer viewModel={screen.myReports} />;
    case "profile":
      return <ProfileContainer viewModel={screen.profile} />;
    default:
      return assertNever(screen);
  }
}
