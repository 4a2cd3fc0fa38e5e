// The home screen: Chats and Requests, as ChatListViewModel places them.
import type { ChatListViewModel, HomeTab } from "../viewmodels/ChatListViewModel.ts";
import { ShownName, ShownTitle, personNameText } from "./ShownName.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function ChatListView({ viewModel }: { viewModel: ChatListViewModel }) {
  const view = useViewModel(viewModel);
  const { t, plural } = useTranslator();
  const tabs: readonly { id: HomeTab; label: string }[] = [
    { id: "chats", label: t("home.tab.chats") },
    {
      id: "requests",
      label:
        view.requests.length > 0
          ? `${t("home.tab.requests")} (${view.requests.length})`
          : t("home.tab.requests"),
    },
  ];

  return (
    <section className="chat-list" aria-labelledby="home-title">
      <h1 id="home-title" className="visually-hidden">
        {view.tab === "chats" ? t("home.tab.chats") : t("home.tab.requests")}
      </h1>
      {view.controlArm ? (
        <p className="status warning" role="note">
          {t("home.controlArm")}
        </p>
      ) : null}
      {view.studyAssignmentIgnored ? (
        <p className="status warning" role="note">
          {t("home.studyAssignmentIgnored")}
        </p>
      ) : null}
      {view.policyFailedClosed ? (
        <p className="status warning" role="alert">
          {t("home.policyFailedClosed")}
        </p>
      ) : null}
      <nav className="tabs" aria-label={t("home.tabs")}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            className="tab"
            aria-current={view.tab === tab.id ? "page" : undefined}
            onClick={() => {
              viewModel.showTab(tab.id);
            }}
          >
            {tab.label}
          </button>
        ))}
      </nav>
      {view.offline ? (
        <p className="status warning" role="status">
          {t("chats.offline")}
        </p>
      ) : null}

      {view.tab === "chats" ? (
        <>
          <div className="new-buttons">
            <button type="button" className="primary new-chat" onClick={viewModel.startNewChat}>
              {t("home.newChat")}
            </button>
            <button type="button" className="new-chat" onClick={viewModel.startNewGroup}>
              {t("home.newGroup")}
            </button>
            {viewModel.canFindPeople ? (
              <button type="button" className="new-chat" onClick={viewModel.findPeople}>
                {t("findPeople.open")}
              </button>
            ) : null}
          </div>
          {view.invitations.length > 0 ? (
            <ul className="rows" aria-label={t("home.tab.chats")}>
              {view.invitations.map((invitation) => (
                <li key={invitation.roomId} className="row invitation">
                  <span>
                    {invitation.group === undefined ? (
                      t("invitation.wantsToChat", { name: personNameText(invitation.inviter, t) })
                    ) : (
                      <>
                        {t("invitation.invitesToGroupLead", {
                          name: personNameText(invitation.inviter, t),
                        })}{" "}
                        <ShownTitle title={invitation.group} />
                      </>
                    )}
                  </span>
                  <button
                    type="button"
                    onClick={() => void viewModel.acceptInvitation(invitation.roomId)}
                  >
                    {t("invitation.accept")}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {view.chats.length === 0 && view.invitations.length === 0 ? (
            <p className="empty">{t("chats.empty")}</p>
          ) : (
            <ul className="rows">
              {view.chats.map((chat) => (
                <li key={chat.roomId}>
                  <button
                    type="button"
                    className="row"
                    onClick={() => {
                      viewModel.open(chat.roomId);
                    }}
                  >
                    <span className="row-name">
                      <ShownTitle title={chat.title} />
                    </span>
                    {chat.unreadCount > 0 ? (
                      <span className="badge">{plural("chats.unread", chat.unreadCount)}</span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <p className="hint">{t("requests.intro")}</p>
          {view.requests.length === 0 ? (
            <p className="empty">{t("requests.empty")}</p>
          ) : (
            <ul className="rows">
              {view.requests.map((request) => (
                <li key={request.roomId}>
                  <button
                    type="button"
                    className="row"
                    onClick={() => {
                      viewModel.openRequest(request.roomId);
                    }}
                  >
                    <span className="row-name">
                      <ShownName name={request.inviter} />
                      {request.inviter.kind === "name" ? (
                        <span className="row-id">{request.inviter.userId}</span>
                      ) : null}
                      {request.isGroup ? (
                        <span className="row-id">{t("requests.group")}</span>
                      ) : null}
                    </span>
                    {request.presentation === "filtered" ? (
                      <span className="tag">{t("requests.heldAside")}</span>
                    ) : (
                      <span className="tag">{t("requests.open")}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <footer className="account">
        <p className="signed-in-as">{t("chats.signedInAs", { userId: view.userId })}</p>
        {view.canModerate ? (
          <button type="button" onClick={viewModel.openModeration}>
            {t("moderation.entry")}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => {
            void viewModel.signOut();
          }}
        >
          {t("chats.signOut")}
        </button>
      </footer>
    </section>
  );
}
