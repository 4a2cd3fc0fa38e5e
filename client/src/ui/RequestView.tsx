// UI: one request from someone who is not a contact: who is asking, the
// engine's notices for this reader, and the choices the engine offers. For a
// group: the group safety overview (who invited, who made it and when, who
// is in it and which of them are unknown), before anything in the group is shown.
import type {
  GroupOverview,
  RequestOption,
  RequestSnapshot,
  RequestViewActions,
  RequestViewModel,
} from "../viewmodels/RequestViewModel.ts";
import { ShownName, ShownTitle } from "./ShownName.tsx";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

/** Binds the request screen to its view model. */
export function RequestContainer({ viewModel }: { viewModel: RequestViewModel }) {
  return <RequestView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function RequestView({
  view,
  actions,
}: {
  view: RequestSnapshot;
  actions: RequestViewActions;
}) {
  const { t } = useTranslator();

  return (
    <section className="request" aria-labelledby="request-title">
      <ScreenHeader
        titleId="request-title"
        title={view.found && view.overview !== undefined ? t("overview.title") : t("request.title")}
        backLabel={t("request.back")}
        onBack={actions.back}
      />
      {!view.found ? (
        <p className="empty">{t("request.notFound")}</p>
      ) : (
        <>
          <p className="request-from">
            <span className="label">
              {view.overview === undefined ? t("request.from") : t("overview.invitedBy")}
            </span>{" "}
            <strong>
              <ShownName name={view.inviter} />
            </strong>
            {/* A stranger's request always shows the Matrix ID: a name alone can be anyone's. */}
            {view.inviter.kind === "name" && !view.inviter.label.includes(view.inviter.userId) ? (
              <span className="row-id">{view.inviter.userId}</span>
            ) : null}
          </p>
          {view.reason === undefined ? null : (
            <p className="request-reason">
              <span className="label">{t("overview.reason")}</span> <bdi>{view.reason}</bdi>
            </p>
          )}
          {view.overview === undefined ? null : <Overview overview={view.overview} />}
          <NoticeList notices={view.notices} />
          <HelpRows ids={view.help} onOpen={actions.openHelpResource} />
          {/* The choices come right after the notice and its help, the one the snapshot marks primary first. */}
          <div className="actions request-choices">
            {view.choices.map((choice) => (
              <ChoiceButton
                key={choice}
                choice={choice}
                primary={isPrimary(choice, view.primary)}
                group={view.overview !== undefined}
                busy={view.busy}
                actions={actions}
              />
            ))}
          </div>
          {view.choices.includes("report") ? (
            <p className="hint">{t("request.reportNote")}</p>
          ) : null}
          {/* No promise of "after you accept" when the engine offers no accept (8-12 in nl-default). */}
          {view.preview === "shown" ? null : (
            <p className="hint">
              {view.overview === undefined
                ? t(
                    view.choices.includes("accept")
                      ? "request.previewHidden"
                      : "request.previewHiddenNoAccept",
                  )
                : t(
                    view.choices.includes("accept")
                      ? "overview.contentHidden"
                      : "overview.contentHiddenNoJoin",
                  )}
            </p>
          )}
          <WhyDetails why={view.why} onOpen={actions.openWhy} />
        </>
      )}
    </section>
  );
}

function isPrimary(choice: RequestOption, primary: "accept" | "decline"): boolean {
  return primary === "accept" ? choice === "accept" : choice === "ignore";
}

function ChoiceButton({
  choice,
  primary,
  group,
  busy,
  actions,
}: {
  choice: RequestOption;
  primary: boolean;
  group: boolean;
  busy: boolean;
  actions: RequestViewActions;
}) {
  const { t } = useTranslator();
  const className = primary ? "primary" : undefined;
  switch (choice) {
    case "accept":
      return (
        <button
          type="button"
          className={className}
          disabled={busy}
          onClick={() => void actions.accept()}
        >
          {group ? t("overview.join") : t("request.accept")}
        </button>
      );
    case "ignore":
      return (
        <button
          type="button"
          className={className}
          disabled={busy}
          onClick={() => void actions.ignore()}
        >
          {t("request.ignore")}
        </button>
      );
    case "block":
      return (
        <button
          type="button"
          className={className}
          disabled={busy}
          onClick={() => void actions.block()}
        >
          {t("request.block")}
        </button>
      );
    case "report":
      return (
        <button
          type="button"
          className={className}
          aria-haspopup="dialog"
          disabled={busy}
          onClick={() => void actions.blockAndReport()}
        >
          {t("request.blockAndReport")}
        </button>
      );
    default:
      return null;
  }
}

function Overview({ overview }: { overview: GroupOverview }) {
  const { t, plural, locale } = useTranslator();
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" });
  return (
    <div className="group-overview">
      <p>
        <span className="label">{t("overview.groupName")}</span>{" "}
        <strong>
          <ShownTitle title={overview.title} />
        </strong>
      </p>
      {overview.creator === undefined ? null : (
        <p>
          <span className="label">{t("overview.createdBy")}</span>{" "}
          <ShownName name={overview.creator} />
          {overview.createdAt === undefined ? null : (
            <span className="row-id">
              {" · "}
              {t("overview.createdOn", { date: date.format(overview.createdAt) })}
            </span>
          )}
        </p>
      )}
      {overview.invitedAt === undefined ? null : (
        <p>
          <span className="label">{t("overview.invitedOn")}</span> {date.format(overview.invitedAt)}
        </p>
      )}
      {overview.membersKnown ? (
        <>
          <p className="label">{plural("overview.memberCount", overview.members.length + 1)}</p>
          <ul className="overview-members">
            {overview.members.map((member, index) => (
              <li
                key={index}
                className={member.relationship === "contact" ? "member known" : "member unknown"}
              >
                <ShownName name={member.name} />{" "}
                <span className="member-relationship">
                  {t(`relationship.${member.relationship ?? "unknown"}`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{t("overview.membersUnknown")}</p>
      )}
    </div>
  );
}
