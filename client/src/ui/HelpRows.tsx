// Help inside a warning, one line per resource the engine chose: the name and
// one tap to call (or the website when there is no phone line). "Meer" opens
// the full card in place. Compact, so a warning and its choices fit one phone
// screen; the help screen shows the full cards. `onOpen` tells the view model
// which resource's number or site was tapped; the link opens as usual.
import { useId, useState } from "react";
import { HELP_RESOURCES, type HelpResourceId } from "../help/resources.ts";
import { HelpResourceDetails } from "./HelpResourceList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";

export function HelpRows({
  ids,
  onOpen,
}: {
  ids: readonly HelpResourceId[];
  onOpen?: (id: HelpResourceId) => void;
}) {
  const { locale, t } = useTranslator();
  const [openId, setOpenId] = useState<HelpResourceId | undefined>(undefined);
  const baseId = useId();
  if (ids.length === 0) return null;
  return (
    <ul className="help-rows">
      {ids.map((id) => {
        const resource = HELP_RESOURCES[id];
        const name = resource.name[locale];
        const phone = resource.phones[0];
        const web = resource.web[0];
        const detailsId = `${baseId}-${id}`;
        const open = openId === id;
        const opened = (): void => {
          onOpen?.(id);
        };
        return (
          <li key={id} className="help-row">
            <div className="help-row-line">
              {phone !== undefined ? (
                <a className="help-row-main" href={phone.tel} onClick={opened}>
                  <strong>{name}</strong>{" "}
                  <span>
                    {phone.label[locale]}: {phone.display}
                  </span>
                </a>
              ) : web !== undefined ? (
                <a
                  className="help-row-main"
                  href={web.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerPolicy="no-referrer"
                  onClick={opened}
                >
                  <strong>{name}</strong> <span>{web.label[locale]}</span>
                </a>
              ) : (
                <strong className="help-row-main">{name}</strong>
              )}
              <button
                type="button"
                className="help-row-more"
                aria-expanded={open}
                aria-controls={detailsId}
                aria-label={t(open ? "help.row.lessAbout" : "help.row.moreAbout", { name })}
                onClick={() => {
                  setOpenId(open ? undefined : id);
                }}
              >
                {t(open ? "help.row.less" : "help.row.more")}
              </button>
            </div>
            <div id={detailsId} className="help-resource" hidden={!open}>
              {open ? <HelpResourceDetails resource={resource} onOpen={onOpen} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
