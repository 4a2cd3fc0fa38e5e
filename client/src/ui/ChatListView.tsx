// The list of accepted conversations.
import type { ChatListViewModel } from "../viewmodels/ChatListViewModel.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function ChatListView({ viewModel }: { viewModel: ChatListViewModel }) {
  const { userId, offline, chats } = useViewModel(viewModel);
  const { t, plural } = useTranslator();

  return (
    <section className="chat-list" aria-labelledby="chat-list-title">
      <h1 id="chat-list-title">{t("chats.title")}</h1>
      {offline ? (
        <p className="status warning" role="status">
          {t("chats.offline")}
        </p>
      ) : null}
      {chats.length === 0 ? (
        <p className="empty">{t("chats.empty")}</p>
      ) : (
        <ul className="rows">
          {chats.map((chat) => (
            <li key={chat.roomId}>
              <button
                type="button"
                className="row"
                onClick={() => {
                  viewModel.open(chat.roomId);
                }}
              >
                <span className="row-name">{chat.name}</span>
                {chat.unreadCount > 0 ? (
                  <span className="badge">{plural("chats.unread", chat.unreadCount)}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      <footer className="account">
        <p className="signed-in-as">{t("chats.signedInAs", { userId })}</p>
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
