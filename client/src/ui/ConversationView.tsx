// UI: one conversation, laid out as chat apps are on a phone: a header that
// (Over 400 lines: the conversation screen's parts (header, rows, composer area) share one snapshot; media and attachments are in their own files.)
// never scrolls away (back, who it is with, the menu), the engine's reminder
// under it, the messages scrolling between, the composer at the bottom (or
// what takes its place: blocked, nobody else left). Messages are always plain
// text; an image or file is a MediaItem in its bubble. Renders
// ConversationViewModel's snapshot; contains no rules.
import { useId, useState, type ReactNode } from "react";
import type {
  ConversationState,
  ConversationViewActions,
  ConversationViewModel,
  ConversationViewSnapshot,
  DayLabel,
  MessageRow,
  NewcomerRow,
  OtherPerson,
} from "../viewmodels/ConversationViewModel.ts";
import { AttachmentsContainer } from "./AttachmentViews.tsx";
import { Composer } from "./Composer.tsx";
import { ConversationMenu } from "./ConversationMenu.tsx";
import { ConversationMembers, ConversationTitle } from "./ConversationPeople.tsx";
import { ConversationReminderContainer } from "./ConversationReminder.tsx";
import { HelpRows } from "./HelpRows.tsx";
import { MediaItem, type MediaItemActions } from "./MediaItem.tsx";
import { MediaViewer } from "./MediaViewer.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ShownName, personNameText } from "./ShownName.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useLoadOlderAtTop } from "./useLoadOlderAtTop.ts";
import { useStickToNewest } from "./useStickToNewest.ts";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

type Words = ReturnType<typeof useTranslator>;

/** Binds a conversation, and the reminder and attachments it owns, to their view models. */
export function ConversationContainer({ viewModel }: { viewModel: ConversationViewModel }) {
  const { reminder, attachments } = viewModel;
  return (
    <ConversationView
      view={useViewModel(viewModel)}
      actions={viewModel}
      reminder={reminder ? <ConversationReminderContainer viewModel={reminder} /> : null}
      attachments={
        attachments
          ? {
              panel: <AttachmentsContainer viewModel={attachments} />,
              onPick: attachments.pick,
            }
          : undefined
      }
    />
  );
}

/** Sending photos and files: the tray and sheet (AttachmentViews), and where a picked file goes. */
export type ConversationAttachments = {
  readonly panel: ReactNode;
  readonly onPick: (file: File) => void;
};

export function ConversationView({
  view,
  actions,
  reminder,
  attachments,
}: {
  view: ConversationViewSnapshot;
  actions: ConversationViewActions;
  /** The engine's standing reminder under the header (ConversationReminder), if any. */
  reminder?: ReactNode;
  /** Sending photos and files; absent: no attach button. */
  attachments?: ConversationAttachments | undefined;
}) {
  const words = useTranslator();
  const { t, plural, locale } = words;
  const { attach, onScroll, atBottom, unseen, jumpToNewest } = useStickToNewest(view.rows);
  const { watch: loadOlderWhenSeen, onScroll: onScrollForOlder } = useLoadOlderAtTop({
    canLoadOlder: view.found && view.canLoadOlder,
    loadingOlder: view.found && view.loadingOlder,
    loadOlder: actions.loadOlder,
  });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
  // A group's people, opened from its name in the header (ConversationPeople.tsx).
  const membersId = useId();
  const [membersOpen, setMembersOpen] = useState(false);

  if (!view.found) {
    return (
      <section className="conversation">
        <button type="button" className="back" onClick={actions.close}>
          ← {t("conversation.back")}
        </button>
        <p className="empty">{t("conversation.notFound")}</p>
      </section>
    );
  }

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <div className="conversation-top">
        <ScreenHeader
          titleId="conversation-title"
          title={
            <ConversationTitle
              view={view}
              actions={actions}
              membersId={membersId}
              membersOpen={membersOpen}
              toggleMembers={() => {
                setMembersOpen(!membersOpen);
              }}
            />
          }
          backLabel={t("conversation.back")}
          onBack={actions.close}
        />
        <ConversationMenu>
          {(close) => <MenuEntries view={view} actions={actions} close={close} words={words} />}
        </ConversationMenu>
      </div>
      {membersOpen && view.isGroup ? (
        <ConversationMembers id={membersId} view={view} actions={actions} />
      ) : null}
      {reminder}
      {view.notice ? (
        <p className="status warning" role="status">
          {t(view.notice)}
        </p>
      ) : null}

      <div className="conversation-body">
        <div
          ref={attach}
          className="conversation-scroll"
          role="region"
          aria-label={t("conversation.messagesLabel")}
          // Focusable, so the messages scroll from the keyboard too.
          tabIndex={0}
          onScroll={() => {
            onScroll();
            onScrollForOlder();
          }}
        >
          <p className="encrypted-note">{t("conversation.encrypted")}</p>
          {view.canLoadOlder ? (
            <button
              ref={loadOlderWhenSeen}
              type="button"
              className="load-older"
              disabled={view.loadingOlder}
              onClick={() => void actions.loadOlder()}
            >
              {view.loadingOlder ? t("conversation.loadingOlder") : t("conversation.loadOlder")}
            </button>
          ) : (
            <p className="history-start">{t("conversation.noOlder")}</p>
          )}
          <ol className="messages">
            {view.rows.map((row) => {
              switch (row.type) {
                case "day":
                  return <DaySeparator key={row.id} day={row.day} />;
                case "newcomer":
                  return (
                    <Newcomer
                      key={row.id}
                      row={row}
                      onView={() => void actions.viewMember(row.handle)}
                      onLeave={() => void actions.leave()}
                      onBlock={() => void actions.block(row.handle)}
                      onUnblock={() => void actions.unblock(row.handle)}
                      onReport={() => {
                        actions.reportPerson(row.handle);
                      }}
                    />
                  );
                default:
                  return (
                    <Message
                      key={row.id}
                      row={row}
                      time={time.format(row.timestamp)}
                      onRetry={() => void actions.retry(row.id)}
                      onView={() => void actions.viewMember(row.senderHandle)}
                      onReport={() => {
                        actions.reportMessage(row.id);
                      }}
                      media={mediaActions(actions, row)}
                    />
                  );
              }
            })}
          </ol>
        </div>
        {atBottom ? null : (
          <button type="button" className="jump-to-newest" onClick={jumpToNewest}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M12 16.5 4.5 9l1.4-1.4 6.1 6.1 6.1-6.1L19.5 9z" fill="currentColor" />
            </svg>
            <span className={unseen > 0 ? undefined : "visually-hidden"}>
              {unseen > 0
                ? plural("conversation.newMessages", unseen)
                : t("conversation.jumpToLatest")}
            </span>
            {unseen > 0 ? (
              <span className="visually-hidden"> · {t("conversation.jumpToLatest")}</span>
            ) : null}
          </button>
        )}
      </div>

      <Bottom
        view={view}
        state={view.state}
        actions={actions}
        words={words}
        attachments={attachments}
      />
      {view.viewer === undefined ? null : (
        <MediaViewer
          viewer={view.viewer}
          time={time.format(view.viewer.timestamp)}
          onClose={actions.closeMedia}
        />
      )}
    </section>
  );
}

/** The composer, or what takes its place. */
function Bottom({
  view,
  state,
  actions,
  words,
  attachments,
}: {
  view: ConversationViewSnapshot;
  state: ConversationState;
  actions: ConversationViewActions;
  words: Words;
  attachments: ConversationAttachments | undefined;
}) {
  const { t } = words;
  switch (state.kind) {
    case "open":
      return (
        <>
          {attachments?.panel}
          <Composer
            draft={view.draft}
            onChange={actions.setDraft}
            onSend={() => void actions.send()}
            onPick={attachments?.onPick}
          />
        </>
      );
    case "blocked": {
      const names = state.people.map((person) => personNameText(person.name, t)).join(", ");
      return (
        <div className="conversation-state">
          <p className="conversation-state-title">
            {t("conversation.blockedState", { name: names })}
          </p>
          <p className="hint">{t("conversation.blockedHint", { name: names })}</p>
          <div className="actions">
            {state.people.map((person) => (
              <button
                key={person.handle}
                type="button"
                onClick={() => void actions.unblock(person.handle)}
              >
                {state.people.length === 1
                  ? t("conversation.unblockShort")
                  : t("conversation.unblock", { name: personNameText(person.name, t) })}
              </button>
            ))}
            {state.people.map((person) => (
              <button
                key={`report-${person.handle}`}
                type="button"
                aria-haspopup="dialog"
                onClick={() => {
                  actions.reportPerson(person.handle);
                }}
              >
                {state.people.length === 1
                  ? t("conversation.reportPerson")
                  : t("report.person", { name: personNameText(person.name, t) })}
              </button>
            ))}
            <button type="button" onClick={() => void actions.leave()}>
              {t(view.isGroup ? "conversation.leaveGroup" : "conversation.leave")}
            </button>
          </div>
        </div>
      );
    }
    case "alone":
      return (
        <div className="conversation-state">
          <p className="conversation-state-title">{t("conversation.alone")}</p>
          <div className="actions">
            <button type="button" onClick={() => void actions.leave()}>
              {t(view.isGroup ? "conversation.leaveGroup" : "conversation.leave")}
            </button>
          </div>
        </div>
      );
    default:
      return null;
  }
}

function MenuEntries({
  view,
  actions,
  close,
  words,
}: {
  view: ConversationViewSnapshot;
  actions: ConversationViewActions;
  close: () => void;
  words: Words;
}) {
  const { t } = words;
  const then = (action: () => void) => () => {
    close();
    action();
  };
  const blockEntry = (other: OtherPerson) => (
    <li key={`block-${other.handle}`}>
      <button
        type="button"
        onClick={then(() => void (other.blocked ? actions.unblock : actions.block)(other.handle))}
      >
        {t(other.blocked ? "conversation.unblock" : "conversation.block", {
          name: personNameText(other.name, t),
        })}
      </button>
    </li>
  );
  return (
    <ul>
      {view.others.map((other) => (
        <li key={`profile-${other.handle}`}>
          <button
            type="button"
            onClick={then(() => {
              actions.openProfile(other.handle);
            })}
          >
            {t("profile.open", { name: personNameText(other.name, t) })}
          </button>
        </li>
      ))}
      {view.others.map(blockEntry)}
      {view.others.map((other) => (
        <li key={`report-${other.handle}`}>
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={then(() => {
              actions.reportPerson(other.handle);
            })}
          >
            {t("report.person", { name: personNameText(other.name, t) })}
          </button>
        </li>
      ))}
      <li>
        <button type="button" onClick={then(() => void actions.leave())}>
          {t(view.isGroup ? "conversation.leaveGroup" : "conversation.leave")}
        </button>
      </li>
    </ul>
  );
}

/** "Vandaag", "Gisteren", a weekday or a date, in the reader's language. */
function DaySeparator({ day }: { day: DayLabel }) {
  const { t, locale } = useTranslator();
  let text: string;
  switch (day.kind) {
    case "today":
      text = t("conversation.today");
      break;
    case "yesterday":
      text = t("conversation.yesterday");
      break;
    case "weekday":
      text = new Intl.DateTimeFormat(locale, { weekday: "long" }).format(day.timestamp);
      break;
    case "date":
      text = new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "long",
        ...(day.withYear ? { year: "numeric" } : {}),
      }).format(day.timestamp);
      break;
    default:
      text = "";
  }
  return (
    <li className="day-separator">
      <span>{text}</span>
    </li>
  );
}

/** Someone unknown joined: said where it happened, with help and the choices the engine offers. */
function Newcomer({
  row,
  onView,
  onLeave,
  onBlock,
  onUnblock,
  onReport,
}: {
  row: NewcomerRow;
  onView: () => void;
  onLeave: () => void;
  onBlock: () => void;
  onUnblock: () => void;
  onReport: () => void;
}) {
  const { t } = useTranslator();
  return (
    <li className="newcomer">
      <div role="group" aria-label={t("conversation.newcomerLabel")}>
        <p className="newcomer-who">
          <ShownName name={row.name} /> {t("conversation.newcomerJoined")}
          {row.relationship === null ? null : (
            <span className="row-id"> {t(`relationship.${row.relationship}`)}</span>
          )}
        </p>
        {row.blocked ? (
          <div className="newcomer-blocked">
            <p>{t("conversation.newcomerBlocked")}</p>
            <button type="button" onClick={onUnblock}>
              {t("conversation.unblockShort")}
            </button>
          </div>
        ) : (
          <>
            <NoticeList notices={row.notices} />
            <HelpRows ids={row.help} />
            <div className="actions">
              <button type="button" onClick={onBlock}>
                {t("request.block")}
              </button>
              <button type="button" aria-haspopup="dialog" onClick={onReport}>
                {t("conversation.reportPerson")}
              </button>
              <button type="button" onClick={onLeave}>
                {t("conversation.leaveGroup")}
              </button>
              {row.canView ? (
                <button type="button" onClick={onView}>
                  {t("conversation.showMessages")}
                </button>
              ) : null}
            </div>
            <WhyDetails why={row.why} />
          </>
        )}
      </div>
    </li>
  );
}

/** What an image or file in a message may ask for, bound to its row. */
function mediaActions(actions: ConversationViewActions, row: MessageRow): MediaItemActions {
  return {
    onTap: () => {
      actions.tapMedia(row.id);
    },
    onUnblur: () => {
      actions.unblurMedia(row.id);
    },
    onOpen: () => {
      actions.openMedia(row.id);
    },
    onVisible: () => {
      actions.mediaVisible(row.id);
    },
    onHidden: () => {
      actions.mediaHidden(row.id);
    },
    onBlock: () => void actions.block(row.senderHandle),
    onReport: () => {
      actions.reportMessage(row.id);
    },
  };
}

function Message({
  row,
  time,
  onRetry,
  onView,
  onReport,
  media,
}: {
  row: MessageRow;
  time: string;
  onRetry: () => void;
  onView: () => void;
  onReport: () => void;
  media: MediaItemActions;
}) {
  const { t, plural } = useTranslator();
  const run = row.continues ? " continues" : "";
  if (row.kind === "undecryptable") {
    return (
      <li className="message unreadable">
        <p className="message-body">{plural("conversation.undecryptable", row.count)}</p>
      </li>
    );
  }
  if (row.kind === "not-encrypted") {
    return (
      <li className="message unreadable">
        <p className="message-body">{t("conversation.notEncrypted")}</p>
      </li>
    );
  }
  // Who wrote it: above the first bubble of a run in a group; for screen readers always.
  const sender = row.mine ? t("conversation.you") : <ShownName name={row.sender} />;
  const senderLine = row.showSender ? (
    <span className="message-sender">{sender}</span>
  ) : (
    <span className="visually-hidden">{sender} </span>
  );
  if (row.kind === "hidden") {
    return (
      <li className={`message theirs kept-back${run}`}>
        {senderLine}
        <p className="message-body">
          {t(row.canView ? "conversation.hiddenMessage" : "conversation.hiddenMessageNoView")}
        </p>
        {row.canView ? (
          <button type="button" className="message-view" onClick={onView}>
            {t("conversation.showMessages")}
          </button>
        ) : null}
        {/* Why it is kept back: once per run of kept-back messages, not under each one. */}
        {row.why === undefined || row.continues ? null : <WhyDetails why={row.why} />}
      </li>
    );
  }
  return (
    <li className={`${row.mine ? "message mine" : "message theirs"}${run}`}>
      {senderLine}
      {/* The warning once per run by the same sender, as "why" for kept-back messages. */}
      {row.media === undefined ? null : (
        <MediaItem media={row.media} actions={media} warning={!row.continues} />
      )}
      {row.withdrawn ? (
        <p className="message-body withdrawn">
          {t(row.mine ? "conversation.withdrawnMine" : "conversation.withdrawn")}
        </p>
      ) : null}
      {/* React escapes text: a body is never parsed as HTML. An image's body is its caption. */}
      {row.withdrawn ||
      (row.media !== undefined && (row.body === row.media.name || row.body === "")) ? null : (
        <p className="message-body">{row.body}</p>
      )}
      <span className="message-meta">
        {/* Every message from someone else can be reported. */}
        {row.mine ? null : (
          <button
            type="button"
            className="message-report"
            aria-haspopup="dialog"
            aria-label={t("report.messageButtonLabel", { name: personNameText(row.sender, t) })}
            onClick={onReport}
          >
            {t("report.messageButton")}
          </button>
        )}
        <time dateTime={new Date(row.timestamp).toISOString()}>{time}</time>
        {row.sendState === "sending" ? <span> · {t("conversation.sending")}</span> : null}
      </span>
      {row.sendState === "failed" ? (
        <span className="message-failed" role="alert">
          {t("conversation.failed")}{" "}
          <button type="button" onClick={onRetry}>
            {t("conversation.retry")}
          </button>
        </span>
      ) : null}
    </li>
  );
}
