// UI: the home screen, Chats and Requests, as ChatListViewModel places them.
// A chat row reads like the apps people know: initials, the name, the last
// message's first line and time, the unread count. What a row shows of the
// last message was decided in the view model from the room decision.
import { memo, useEffect, useId, useState } from "react";
import type {
  ActivityLabel,
  ChatListSnapshot,
  ChatListViewActions,
  ChatListViewModel,
  ChatPreview,
  ChatRow,
  HomeTab,
} from "../viewmodels/ChatListViewModel.ts";
import { assertNever } from "../viewmodels/assertNever.ts";
import { Avatar } from "./Avatar.tsx";
import { ShownName, ShownTitle, personNameText } from "./ShownName.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** Binds the home screen to its view model. */
export function ChatListContainer({ viewModel }: { viewModel: ChatListViewModel }) {
  return <ChatListView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function ChatListView({
  view,
  actions,
}: {
  view: ChatListSnapshot;
  actions: ChatListViewActions;
}) {
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
      <div className="chat-list-bar">
        <h1 id="home-title" className="chat-list-title">
          {view.tab === "chats" ? t("home.tab.chats") : t("home.tab.requests")}
        </h1>
        {view.canOpenSettings ? (
          <button
            type="button"
            className="icon-button settings-entry"
            // A new outcome of a report (issue 18) is said with the name, and shown as a count.
            aria-label={
              view.newOutcomes > 0
                ? plural("home.settingsNew", view.newOutcomes)
                : t("home.settings")
            }
            onClick={actions.openSettings}
          >
            <SettingsIcon />
            {view.newOutcomes > 0 ? (
              <span className="icon-count" data-testid="settings-new-outcomes" aria-hidden="true">
                {view.newOutcomes}
              </span>
            ) : null}
          </button>
        ) : null}
      </div>
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
              actions.showTab(tab.id);
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
            <button type="button" className="primary new-chat" onClick={actions.startNewChat}>
              {t("home.newChat")}
            </button>
            <button type="button" className="new-chat" onClick={actions.startNewGroup}>
              {t("home.newGroup")}
            </button>
            {view.canFindPeople ? (
              <button type="button" className="new-chat" onClick={actions.findPeople}>
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
                    onClick={() => void actions.acceptInvitation(invitation.roomId)}
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
            <ChatRows chats={view.chats} open={actions.open} />
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
                      actions.openRequest(request.roomId);
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
                      {/* Held aside is a state, said under the name; the pill is what a tap does. */}
                      {request.presentation === "filtered" ? (
                        <span className="row-id">{t("requests.heldAside")}</span>
                      ) : null}
                    </span>
                    <span className="tag tag-open">{t("requests.open")}</span>
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
          <button type="button" onClick={actions.openModeration}>
            {t("moderation.entry")}
          </button>
        ) : null}
      </footer>
    </section>
  );
}

/**
 * One chat. Its accessible name is the chat's name alone (as a chat app's
 * row is announced); the time, the last message and the count describe it.
 */
/** Rows drawn at first, and added each frame after (docs/performance.md). */
export const CHAT_ROWS_PER_FRAME = 40;

/**
 * The chats, newest first. A screenful and more is drawn at once; the rest
 * follow a frame at a time, so a list of a thousand chats can be tapped
 * right away and never holds up the phone while it grows (a fraction of a
 * second; all rows are then in the page, for find and screen readers).
 */
function ChatRows({
  chats,
  open,
}: {
  readonly chats: readonly ChatRow[];
  readonly open: (roomId: string) => void;
}) {
  const [drawn, setDrawn] = useState(CHAT_ROWS_PER_FRAME);
  useEffect(() => {
    if (drawn >= chats.length) return;
    const frame = requestAnimationFrame(() => {
      setDrawn((count) => count + CHAT_ROWS_PER_FRAME);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [drawn, chats.length]);
  return (
    <ul className="rows chat-rows">
      {chats.slice(0, drawn).map((chat) => (
        <li key={chat.roomId}>
          <ChatRowButton chat={chat} open={open} />
        </li>
      ))}
    </ul>
  );
}

// A row redraws only when its chat changed: the view model keeps a row that
// reads as before the same object (docs/performance.md, a thousand chats).
const ChatRowButton = memo(function ChatRowButton({
  chat,
  open,
}: {
  readonly chat: ChatRow;
  readonly open: (roomId: string) => void;
}) {
  const { t } = useTranslator();
  const id = useId();
  return (
    <button
      type="button"
      className="row chat-row"
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-time ${id}-last`}
      onClick={() => {
        open(chat.roomId);
      }}
    >
      <Avatar avatar={chat.avatar} />
      <span className="chat-main">
        <span className="chat-line">
          <span className="row-name chat-name" id={`${id}-name`}>
            <ShownTitle title={chat.title} />
          </span>
          <span id={`${id}-time`}>
            {chat.activity === undefined ? null : <ActivityTime activity={chat.activity} />}
          </span>
        </span>
        <span className="chat-line" id={`${id}-last`}>
          <Preview preview={chat.preview} />
          {chat.blocked ? <span className="tag">{t("chats.blocked")}</span> : null}
          <UnreadBadge count={chat.unreadCount} />
        </span>
      </span>
    </button>
  );
});

/** The last message's first line, as the view model derived it from the room decision. */
function Preview({ preview }: { readonly preview: ChatPreview }) {
  const { t } = useTranslator();
  switch (preview.kind) {
    case "none":
      return <span className="chat-preview" />;
    case "kept-back":
      return <span className="chat-preview chat-preview-muted">{t("chats.preview.keptBack")}</span>;
    case "unreadable":
      return (
        <span className="chat-preview chat-preview-muted">{t("chats.preview.unreadable")}</span>
      );
    case "alone":
      return <span className="chat-preview chat-preview-muted">{t("conversation.alone")}</span>;
    case "text": {
      const text =
        preview.from === undefined
          ? preview.text
          : preview.from === "me"
            ? t("chats.preview.you", { text: preview.text })
            : t("chats.preview.from", {
                name: personNameText(preview.from, t),
                text: preview.text,
              });
      return (
        <span className="chat-preview">
          <bdi>{text}</bdi>
        </span>
      );
    }
    default:
      return assertNever(preview);
  }
}

/** "14:05", "Yesterday" or a date, in the language shown. */
function ActivityTime({ activity }: { readonly activity: ActivityLabel }) {
  const { t, locale } = useTranslator();
  switch (activity.kind) {
    case "time":
      return (
        <time className="chat-time" dateTime={new Date(activity.timestamp).toISOString()}>
          {dateFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(activity.timestamp)}
        </time>
      );
    case "yesterday":
      return <span className="chat-time">{t("chats.yesterday")}</span>;
    case "date":
      return (
        <time className="chat-time" dateTime={new Date(activity.timestamp).toISOString()}>
          {dateFormat(locale, {
            day: "numeric",
            month: "short",
            ...(activity.withYear ? { year: "numeric" } : {}),
          }).format(activity.timestamp)}
        </time>
      );
    default:
      return assertNever(activity);
  }
}

/**
 * A date formatter, made once per language and options: making one is slow,
 * and a list of a thousand chats would make a thousand (docs/performance.md).
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The number, as chat apps show it; screen readers hear "2 new messages". */
function UnreadBadge({ count }: { readonly count: number }) {
  const { plural } = useTranslator();
  if (count <= 0) return null;
  return (
    <span className="badge">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span className="visually-hidden">{plural("chats.unread", count)}</span>
    </span>
  );
}

function SettingsIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3.3h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1l.4 2.6h4l.4-2.6a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
        transform="translate(-1 0)"
      />
    </svg>
  );
}
