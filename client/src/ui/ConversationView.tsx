// One conversation: messages (always rendered as plain text), composer, and
// leave/block. Renders ConversationViewModel; contains no rules.
import { useEffect, useId, useRef } from "react";
import type {
  ConversationViewModel,
  MessageRow,
  NewcomerRow,
} from "../viewmodels/ConversationViewModel.ts";
import { ConversationReminder } from "./ConversationReminder.tsx";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ShownName, ShownTitle, personNameText } from "./ShownName.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function ConversationView({ viewModel }: { viewModel: ConversationViewModel }) {
  const view = useViewModel(viewModel);
  const { t, locale } = useTranslator();
  const composerId = useId();
  const endOfMessages = useRef<HTMLLIElement>(null);
  const newestId = view.rows.at(-1)?.id;
  // Open at the newest message, and follow new ones as they arrive.
  useEffect(() => {
    endOfMessages.current?.scrollIntoView({ block: "end" });
  }, [newestId]);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });

  if (!view.found) {
    return (
      <section className="conversation">
        <button type="button" className="back" onClick={viewModel.close}>
          ← {t("conversation.back")}
        </button>
        <p className="empty">{t("conversation.notFound")}</p>
      </section>
    );
  }

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <ScreenHeader
        titleId="conversation-title"
        title={<ShownTitle title={view.title} />}
        backLabel={t("conversation.back")}
        onBack={viewModel.close}
      />
      {viewModel.reminder ? <ConversationReminder viewModel={viewModel.reminder} /> : null}
      <p className="encrypted-note">{t("conversation.encrypted")}</p>

      {view.canLoadOlder ? (
        <button
          type="button"
          className="load-older"
          disabled={view.loadingOlder}
          onClick={() => void viewModel.loadOlder()}
        >
          {view.loadingOlder ? t("conversation.loadingOlder") : t("conversation.loadOlder")}
        </button>
      ) : (
        <p className="history-start">{t("conversation.noOlder")}</p>
      )}
      {view.notice ? (
        <p className="status warning" role="status">
          {t(view.notice)}
        </p>
      ) : null}

      <ol className="messages" aria-label={t("conversation.messagesLabel")}>
        {view.rows.map((row) =>
          row.type === "newcomer" ? (
            <Newcomer
              key={row.id}
              row={row}
              onView={() => void viewModel.viewMember(row.handle)}
              onLeave={() => void viewModel.leave()}
              onBlock={() => void viewModel.block(row.handle)}
              onReport={() => {
                viewModel.reportPerson(row.handle);
              }}
            />
          ) : (
            <Message
              key={row.id}
              row={row}
              time={time.format(row.timestamp)}
              onRetry={() => void viewModel.retry(row.id)}
              onView={() => void viewModel.viewMember(row.senderHandle)}
              onReport={() => {
                viewModel.reportMessage(row.id);
              }}
            />
          ),
        )}
        <li ref={endOfMessages} className="end-of-messages" aria-hidden="true" />
      </ol>

      <form
        className="composer"
        onSubmit={(event) => {
          event.preventDefault();
          void viewModel.send();
        }}
      >
        <label htmlFor={composerId} className="visually-hidden">
          {t("conversation.composerLabel")}
        </label>
        <input
          id={composerId}
          name="message"
          autoComplete="off"
          placeholder={t("conversation.composerPlaceholder")}
          value={view.draft}
          onChange={(event) => {
            viewModel.setDraft(event.currentTarget.value);
          }}
        />
        <button type="submit" className="primary" disabled={view.draft.trim() === ""}>
          {t("conversation.send")}
        </button>
      </form>

      <details className="conversation-actions">
        <summary>{t("conversation.actions")}</summary>
        {view.others.map((other) => (
          <button
            key={other.handle}
            type="button"
            onClick={() => void viewModel.block(other.handle)}
          >
            {t("conversation.block", { name: personNameText(other.name, t) })}
          </button>
        ))}
        {view.others.map((other) => (
          <button
            key={`report-${other.handle}`}
            type="button"
            aria-haspopup="dialog"
            onClick={() => {
              viewModel.reportPerson(other.handle);
            }}
          >
            {t("report.person", { name: personNameText(other.name, t) })}
          </button>
        ))}
        <button type="button" onClick={() => void viewModel.leave()}>
          {t(view.isGroup ? "conversation.leaveGroup" : "conversation.leave")}
        </button>
      </details>
    </section>
  );
}

/** Someone unknown joined: said where it happened, with help and the choices the engine offers. */
function Newcomer({
  row,
  onView,
  onLeave,
  onBlock,
  onReport,
}: {
  row: NewcomerRow;
  onView: () => void;
  onLeave: () => void;
  onBlock: () => void;
  onReport: () => void;
}) {
  const { t } = useTranslator();
  return (
    <li className="newcomer">
      <div role="group" aria-label={t("conversation.newcomerLabel")}>
        <p className="newcomer-who">
          <ShownName name={row.name} /> {t("conversation.newcomerJoined")}
          {row.relationship === null ? null : (
            <span className="row-id"> · {t(`relationship.${row.relationship}`)}</span>
          )}
        </p>
        <NoticeList notices={row.notices} />
        <HelpRows ids={row.help} />
        <div className="actions">
          <button type="button" onClick={onLeave}>
            {t("conversation.leaveGroup")}
          </button>
          <button type="button" onClick={onBlock}>
            {t("request.block")}
          </button>
          <button type="button" aria-haspopup="dialog" onClick={onReport}>
            {t("conversation.reportPerson")}
          </button>
          {row.canView ? (
            <button type="button" onClick={onView}>
              {t("conversation.showMessages")}
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function Message({
  row,
  time,
  onRetry,
  onView,
  onReport,
}: {
  row: MessageRow;
  time: string;
  onRetry: () => void;
  onView: () => void;
  onReport: () => void;
}) {
  const { t, plural } = useTranslator();
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
  if (row.kind === "hidden") {
    return (
      <li className="message theirs kept-back">
        <span className="message-sender">
          <ShownName name={row.sender} />
        </span>
        <p className="message-body">
          {t(row.canView ? "conversation.hiddenMessage" : "conversation.hiddenMessageNoView")}
        </p>
        {row.canView ? (
          <button type="button" className="message-view" onClick={onView}>
            {t("conversation.showMessages")}
          </button>
        ) : null}
      </li>
    );
  }
  return (
    <li className={row.mine ? "message mine" : "message theirs"}>
      <span className="message-sender">
        {row.mine ? t("conversation.you") : <ShownName name={row.sender} />}
      </span>
      {/* React escapes text: a body is never parsed as HTML. */}
      <p className="message-body">{row.body}</p>
      <span className="message-meta">
        <time dateTime={new Date(row.timestamp).toISOString()}>{time}</time>
        {row.sendState === "sending" ? <span> · {t("conversation.sending")}</span> : null}
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
