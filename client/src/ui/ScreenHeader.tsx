// The top of a sub-screen: a back button (named for screen readers) and the
// screen's title, which labels the section it heads.
import type { ReactNode } from "react";
export function ScreenHeader({
  titleId,
  title,
  backLabel,
  onBack,
}: {
  titleId: string;
  title: ReactNode;
  backLabel: string;
  onBack: () => void;
}) {
  return (
    <div className="conversation-header">
      <button type="button" className="back" onClick={onBack} aria-label={backLabel}>
        ←
      </button>
      <h1 id={titleId}>{title}</h1>
    </div>
  );
}
