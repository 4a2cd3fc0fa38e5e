// The virtual modules packCataloguePlugin.ts serves to the page.

/** This build's pack catalogue, validated at build time (read it with packChoice.ts `builtCatalogue`). */
declare module "virtual:safety-by-design/pack-catalogue" {
  export const packCatalogue: unknown;
}

/** One pack of it by id (`.../pack-catalogue/nl-default`): a catalogue of that pack alone, or none. */
declare module "virtual:safety-by-design/pack-catalogue/*" {
  export const packCatalogue: unknown;
}
