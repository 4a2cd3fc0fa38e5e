// Help resources the engine selected, from the bundled table: name, what it
// is for, tap-to-call, web links (no referrer) and hours. Works offline.
// `onOpen` tells the view model which resource was tapped (a usability study
// may note it); the link opens as it would without it.
import { HELP_RESOURCES, type HelpResource, type HelpResourceId } from "../help/resources.ts";
import { useTranslator } from "./TranslatorContext.tsx";

export function HelpResourceList({
  ids,
  onOpen,
}: {
  ids: readonly HelpResourceId[];
  onOpen?: (id: HelpResourceId) => void;
}) {
  if (ids.length === 0) return null;
  return (
    <ul className="help-resources">
      {ids.map((id) => (
        <li key={id} className="help-resource">
          <HelpResourceDetails resource={HELP_RESOURCES[id]} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

/** One resource in full: the help screen's card, what a compact help row opens, moderation advice. */
export function HelpResourceDetails({
  resource,
  headingLevel = 2,
  onOpen,
}: {
  resource: HelpResource;
  headingLevel?: 2 | 3;
  onOpen?: ((id: HelpResourceId) => void) | undefined;
}) {
  const { locale } = useTranslator();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const opened = (): void => {
    onOpen?.(resource.id);
  };
  return (
    <>
      <Heading>{resource.name[locale]}</Heading>
      <p>{resource.purpose[locale]}</p>
      <div className="help-contact">
        {resource.phones.map((phone) => (
          <a key={phone.tel} className="help-call" href={phone.tel} onClick={opened}>
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
            onClick={opened}
          >
            {web.label[locale]}
          </a>
        ))}
      </div>
      {/* Hours no source confirmed are left out: the organisation's own site says them. */}
      {"text" in resource.hours ? <p className="hint">{resource.hours.text[locale]}</p> : null}
    </>
  );
}
