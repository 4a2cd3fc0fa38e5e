// The engine's notices, in words written for this reader's age band. The
// engine picks the notice and the band's copy key; this only shows it.
import type { NoticeView } from "../viewmodels/noticeView.ts";
import { useTranslator } from "./TranslatorContext.tsx";

export function NoticeList({ notices }: { notices: readonly NoticeView[] }) {
  const { notice } = useTranslator();
  if (notices.length === 0) return null;
  return (
    <ul className="notices">
      {notices.map((item) => (
        <li key={item.id} className={`notice ${item.severity}`}>
          {/* Its own box, so a compact reminder can cut it to its first lines. */}
          <span className="notice-text">{notice(item.copyKey)}</span>
        </li>
      ))}
    </ul>
  );
}
