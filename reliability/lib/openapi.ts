import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonSchema } from "./generate.ts";

/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  parameters?: {
    in: "path" | "query" | "header" | "cookie";
    name: string;
    required?: boolean;
    schema?: JsonSchema;
  }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }>; required?: boolean };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface Operation {
  method: string;
  /** OpenAPI path with {param} placeholders. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  /** Response validators per declared status code. */
  responses: Map<number, (body: unknown) => string | undefined>;
}

type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/** Every operation of the document, with its response schemas compiled (refs resolved inline). */
export function readOperations(doc: OpenApiDocument): Operation[] {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const params = op.parameters ?? [];
      const responses = new Map<number, (body: unknown) => string | undefined>();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const schema = response.content?.["application/json"]?.schema;
        if (!schema || !/^\d{3}$/.test(status)) continue;
        const validate = ajv.compile(resolveRefs(schema, doc) as object) as Validate;
        responses.set(Number(status), (body) =>
          validate(body)
            ? undefined
            : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`).join("; "),
        );
      }
      const body = op.requestBody?.content?.["application/json"]?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: params
          .filter((p) => p.in === "path")
          .map((p) => ({ name: p.name, schema: resolveRefs(p.schema ?? {}, doc) })),
        queryParams: params
          .filter((p) => p.in === "query")
          .map((p) => ({
            name: p.name,
            required: Boolean(p.required),
            schema: resolveRefs(p.schema ?? {}, doc),
          })),
        body: body ? resolveRefs(body, doc) : undefined,
        responses,
      });
    }
  }
  return operations;
}

/** Inlines `#/components/schemas/X` references (the documents here have no recursive schemas). */
export function resolveRefs(schema: JsonSchema, doc: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 20) return {};
  if (Array.isArray(schema))
    return schema.map((s) => resolveRefs(s, doc, depth + 1)) as unknown as JsonSchema;
  if (!schema || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, "");
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved reference ${schema.$ref}`);
    return resolveRefs(target, doc, depth + 1);
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      value && typeof value === "object" && key !== "enum" && key !== "const" && key !== "default"
        ? key === "properties"
          ? Object.fromEntries(
              Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [
                k,
                resolveRefs(v, doc, depth + 1),
              ]),
            )
          : resolveRefs(value as JsonSchema, doc, depth + 1)
        : value;
  }
  return out;
}
