// Help resources the engine selected, from the bundled table: name, what it
// is for, tap-to-call, web links (no referrer) and hours. Works offline.
import { HELP_RESOURCES, type HelpResourceId } from "../help/resources.ts";
import { useTranslator } from "./TranslatorContext.tsx";

export function HelpResourceList({ ids }: { ids: readonly HelpResourceId[] }) {
  const { locale } = useTranslator();
  if (ids.length === 0) return null;
  return (
    <ul className="help-resources">
      {ids.map((id) => {
        const resource = HELP_RESOURCES[id];
        return (
          <li key={id} className="help-resource">
            <h2>{resource.name[locale]}</h2>
            <p>{resource.purpose[locale]}</p>
            <div className="help-contact">
              {resource.phones.map((phone) => (
                <a key={phone.tel} className="help-call" href={phone.tel}>
                  {phone.label[locale]}: {phone.display}
                </a>
              ))}
              {resource.web.map((web) => (
                <a
                  key={web.url}
                  href={web.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerPolicy="no-referrer"
                >
                  {web.label[locale]}
                </a>
              ))}
            </div>
            <p className="hint">{resource.hours.text[locale]}</p>
          </li>
        );
      })}
    </ul>
  );
}
