// The help screen: over whatever was open, one tap from everywhere. Lists
// the resources the engine chose; a quick exit leaves at once.
import { useEffect, useRef } from "react";
import type { HelpViewModel } from "../viewmodels/HelpViewModel.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function HelpView({ viewModel }: { viewModel: HelpViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves into the dialog; Escape closes it (keyboard and screen readers).
  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Escape") viewModel.close();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
    };
  }, [viewModel]);

  return (
    <div className="help-screen" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="help-bar">
        <button
          type="button"
          className="quick-exit"
          onClick={viewModel.quickExit}
          aria-describedby="quick-exit-hint"
        >
          {t("help.quickExit")}
        </button>
        <span id="quick-exit-hint" className="visually-hidden">
          {t("help.quickExitHint")}
        </span>
        <button type="button" onClick={viewModel.close}>
          {t("help.close")}
        </button>
      </div>
      <h1 id="help-title" ref={heading} tabIndex={-1}>
        {t("help.title")}
      </h1>
      <p>{t("help.intro")}</p>
      <NoticeList notices={view.notices} />
      <HelpResourceList ids={view.resources} onOpen={viewModel.openResource} />
      <p className="hint">{t("help.private")}</p>
    </div>
  );
}
