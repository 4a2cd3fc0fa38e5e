// UI: a person's profile, as ProfileViewModel describes them: name and
// initials as the room decision shows them, contact or not, a checked age
// band only when the snapshot has one, groups in common, how the chat
// started, and block or unblock, report and help.
import type { MessageKey } from "../i18n/i18n.ts";
import { assertNever } from "../viewmodels/assertNever.ts";
import type {
  ProfileConversation,
  ProfileSnapshot,
  ProfileViewActions,
  ProfileViewModel,
} from "../viewmodels/ProfileViewModel.ts";
import { Avatar } from "./Avatar.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { ShownName, ShownTitle } from "./ShownName.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** Binds a profile to its view model. */
export function ProfileContainer({ viewModel }: { viewModel: ProfileViewModel }) {
  return <ProfileView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function ProfileView({
  view,
  actions,
}: {
  view: ProfileSnapshot;
  actions: ProfileViewActions;
}) {
  const { t } = useTranslator();
  const isContact = view.relationship === "contact";
  return (
    <section className="profile-screen" aria-labelledby="profile-title">
      <ScreenHeader
        titleId="profile-title"
        title={t("profile.title")}
        backLabel={t("profile.back")}
        onBack={actions.back}
      />
      <div className="profile-head">
        <Avatar avatar={view.avatar} size="large" />
        <p className="profile-name">
          <ShownName name={view.name} />
        </p>
        {view.name.kind === "name" ? <p className="row-id">{view.name.userId}</p> : null}
        <p className="profile-relationship">
          <span className="tag">{isContact ? t("profile.contact") : t("profile.notContact")}</span>
          {view.relationship === null || isContact ? null : (
            <span className="member-relationship">{t(`relationship.${view.relationship}`)}</span>
          )}
        </p>
      </div>
      {view.blocked ? (
        <p className="status warning" role="status">
          {t("profile.blocked")}
        </p>
      ) : null}
      <dl className="facts profile-facts">
        <dt>{t("profile.age.title")}</dt>
        <dd>
          {view.age.kind === "verified"
            ? t("profile.age.verified", { band: t(`band.${view.age.band}`) })
            : t("profile.age.unknown")}
        </dd>
        <dd className="hint">
          {view.myAgeShown ? t("profile.myAge.shown") : t("profile.myAge.hidden")}
        </dd>
        <dt>{t("profile.groups.title")}</dt>
        {view.sharedGroups.length === 0 ? (
          <dd>{t("profile.groups.none")}</dd>
        ) : (
          <dd>
            <ul className="id-list">
              {view.sharedGroups.map((group) => (
                <li key={group.roomId}>
                  <ShownTitle title={group.title} />
                </li>
              ))}
            </ul>
          </dd>
        )}
        <dt>{t("profile.started.title")}</dt>
        <dd>
          <ConversationStart conversation={view.conversation} />
        </dd>
      </dl>
      {view.failed ? <p role="alert">{t("profile.failed")}</p> : null}
      <div className="actions">
        {view.blocked ? (
          <button type="button" disabled={view.busy} onClick={() => void actions.unblock()}>
            {t("profile.unblock")}
          </button>
        ) : (
          <button type="button" disabled={view.busy} onClick={() => void actions.block()}>
            {t("profile.block")}
          </button>
        )}
        <button type="button" onClick={actions.report}>
          {t("profile.report")}
        </button>
        <button type="button" onClick={actions.help}>
          {t("profile.help")}
        </button>
      </div>
    </section>
  );
}

function ConversationStart({
  conversation,
}: {
  readonly conversation: ProfileConversation | undefined;
}) {
  const { t, locale } = useTranslator();
  if (conversation === undefined) return <>{t("profile.origin.none")}</>;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(conversation.since);
  return <>{t(originWords(conversation.origin), { date })}</>;
}

function originWords(origin: ProfileConversation["origin"]): MessageKey {
  switch (origin) {
    case "started-by-me":
      return "profile.origin.started-by-me";
    case "accepted-request":
      return "profile.origin.accepted-request";
    case "in-person":
      return "profile.origin.in-person";
    case "unknown":
      return "profile.origin.unknown";
    default:
      return assertNever(origin);
  }
}
