import * as z from "zod";
import { PolicyPackSchema } from "./schema.ts";

/** The JSON Schema of a policy pack, generated from the zod schema (refinements are not expressible there). */
export function policyPackJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PolicyPackSchema, { target: "draft-2020-12", io: "input" }),
    $id: "https://safety-by-design.example/schema/policy-pack.schema.json",
    title: "safety-by-design chat policy pack",
  };
}

/** The committed file's exact text: two-space indent and a final newline. */
export function policyPackJsonSchemaText(): string {
  return `${JSON.stringify(policyPackJsonSchema(), null, 2)}\n`;
}
