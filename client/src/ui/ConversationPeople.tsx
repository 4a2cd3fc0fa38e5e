// UI: who is in a conversation, from its header, as chat apps do it: in a
// direct chat the name at the top opens that person's profile; in a group it
// opens the list of people, each of whom opens their profile. Names show as
// the room's decision made them (a kept-back stranger stays "someone you
// don't know"); the profile itself decides what it shows.
import { useId } from "react";
import type {
  ConversationViewActions,
  ConversationViewSnapshot,
} from "../viewmodels/ConversationViewModel.ts";
import { personNameText, ShownName, ShownTitle } from "./ShownName.tsx";
import { useTranslator } from "./TranslatorContext.tsx";

type PeopleView = Pick<ConversationViewSnapshot, "title" | "isGroup" | "others">;
type PeopleActions = Pick<ConversationViewActions, "openProfile">;

/**
 * The header's title as a button: a direct chat's opens the profile, a
 * group's shows or hides its people (`membersId`). Plain text when nobody
 * else is in the conversation.
 */
export function ConversationTitle({
  view,
  actions,
  membersId,
  membersOpen,
  toggleMembers,
}: {
  view: PeopleView;
  actions: PeopleActions;
  membersId: string;
  membersOpen: boolean;
  toggleMembers: () => void;
}) {
  const { t } = useTranslator();
  const hintId = useId();
  const [only] = view.others;
  if (view.others.length === 0 || only === undefined) return <ShownTitle title={view.title} />;
  if (!view.isGroup && view.others.length === 1) {
    return (
      <button
        type="button"
        className="title-button"
        aria-describedby={hintId}
        onClick={() => {
          actions.openProfile(only.handle);
        }}
      >
        <ShownTitle title={view.title} />
        {/* Hidden: a description only, so the name (and the heading's) stays the title. */}
        <span id={hintId} hidden>
          {t("profile.open", { name: personNameText(only.name, t) })}
        </span>
      </button>
    );
  }
  return (
    <button
      type="button"
      className="title-button"
      aria-expanded={membersOpen}
      aria-controls={membersId}
      aria-describedby={hintId}
      onClick={toggleMembers}
    >
      <ShownTitle title={view.title} />
      <span id={hintId} hidden>
        {t("conversation.members.show")}
      </span>
    </button>
  );
}

/** A group's people, each a button to their profile. */
export function ConversationMembers({
  id,
  view,
  actions,
}: {
  id: string;
  view: PeopleView;
  actions: PeopleActions;
}) {
  const { t } = useTranslator();
  return (
    <section id={id} className="conversation-members" aria-label={t("conversation.members.title")}>
      <ul>
        {view.others.map((other) => (
          <li key={other.handle}>
            <button
              type="button"
              aria-label={t("profile.open", { name: personNameText(other.name, t) })}
              onClick={() => {
                actions.openProfile(other.handle);
              }}
            >
              <ShownName name={other.name} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
