import type { FastifyInstance } from "fastify";

type Schema = Record<string, unknown>;

/**
 * Request bodies accept only the fields their schema declares: every object in a body schema that does
 * not say otherwise gets `additionalProperties: false`, so an unknown field is a 400 naming it — never
 * silently written (mass assignment: a `teamId` in the body next to the one in the path) and never a
 * 500 from the database. An allOf of plain objects (TypeBox's Intersect) becomes one object first, or
 * each part would refuse the other's fields.
 */
export function registerStrictBodies(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const body = route.schema?.body as Schema | undefined;
    if (body) strict(body, new Set());
  });
}

function strict(schema: Schema, seen: Set<Schema>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  mergeAllOf(schema);
  if (schema.type === "object" && schema.properties && !("additionalProperties" in schema)) {
    schema.additionalProperties = false;
  }
  for (const child of Object.values((schema.properties as Record<string, Schema>) ?? {})) strict(child, seen);
  if (schema.items && typeof schema.items === "object") strict(schema.items as Schema, seen);
  for (const key of ["anyOf", "oneOf"] as const) {
    for (const child of (schema[key] as Schema[] | undefined) ?? []) strict(child, seen);
  }
}

/** Turns an allOf of plain object schemas into the one object they describe together. */
function mergeAllOf(schema: Schema): void {
  const parts = schema.allOf as Schema[] | undefined;
  if (!parts) return;
  for (const part of parts) mergeAllOf(part);
  const plain = parts.every(
    (p) =>
      p.type === "object" &&
      p.properties &&
      !p.allOf &&
      !p.anyOf &&
      !p.oneOf &&
      (p.additionalProperties === undefined || p.additionalProperties === false),
  );
  if (!plain) return;
  const properties = Object.assign({}, ...parts.map((p) => p.properties as Schema));
  const required = [...new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []))];
  delete schema.allOf;
  schema.type = "object";
  schema.properties = properties;
  if (required.length > 0) schema.required = required;
}
