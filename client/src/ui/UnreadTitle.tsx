// UI: the browser tab's title counts unread messages, as chat apps' tabs do:
// "(3) Veilig Chatten". Renders nothing; when the session ends the title is
// the app's name again.
import { useEffect } from "react";
import type { AttentionViewModel } from "../viewmodels/AttentionViewModel.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function UnreadTitle({ viewModel }: { viewModel: AttentionViewModel }) {
  const { unread } = useViewModel(viewModel);
  const { t } = useTranslator();
  const name = t("app.name");
  const title = unreadTitle(unread, name, t);
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = name;
    };
  }, [title, name]);
  return null;
}

export function unreadTitle(
  unread: number,
  name: string,
  t: ReturnType<typeof useTranslator>["t"],
): string {
  return unread > 0 ? t("app.titleUnread", { count: unread > 99 ? "99+" : unread, name }) : name;
}
