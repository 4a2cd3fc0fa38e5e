import * as z from "zod";
import { PolicyPackSchema } from "./schema.ts";

/** What an extending pack must state itself (the loader checks the same, see extend.ts). */
const EXTENSION_REQUIRED = ["extends", "id", "version", "label", "description"];

/**
 * The JSON Schema of a policy pack, generated from the zod schema
 * (refinements are not expressible there). A file with `extends` holds only
 * overrides, so for it every field below the top is optional; the loader
 * checks the merged pack in full.
 */
export function policyPackJsonSchema(): Record<string, unknown> {
  const { $schema, ...pack } = z.toJSONSchema(PolicyPackSchema, {
    target: "draft-2020-12",
    io: "input",
  });
  return {
    $schema,
    $id: "https://safety-by-design.example/schema/policy-pack.schema.json",
    title: "safety-by-design chat policy pack",
    description: pack.description,
    $defs: {
      pack,
      extension: { ...(withoutRequired(pack) as object), required: EXTENSION_REQUIRED },
    },
    if: { type: "object", required: ["extends"] },
    then: { $ref: "#/$defs/extension" },
    else: { $ref: "#/$defs/pack" },
  };
}

/** The committed file's exact text: two-space indent and a final newline. */
export function policyPackJsonSchemaText(): string {
  return `${JSON.stringify(policyPackJsonSchema(), null, 2)}\n`;
}

/** A copy of a schema with every `required` list dropped (property names are left alone). */
function withoutRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRequired);
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => keyword !== "required")
      .map(([keyword, value]) => [
        keyword,
        keyword === "properties" && typeof value === "object" && value !== null
          ? Object.fromEntries(
              Object.entries(value as Record<string, unknown>).map(([name, property]) => [
                name,
                withoutRequired(property),
              ]),
            )
          : withoutRequired(value),
      ]),
  );
}
