import { type TSchema, Type } from "typebox";

export const ErrorBody = Type.Object(
  { error: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) },
  { $id: "Error" },
);

/** Standard error responses to list on a route, so the API document shows them. */
export function errors(...codes: number[]): Record<number, TSchema> {
  return Object.fromEntries(codes.map((c) => [c, Type.Ref("Error")]));
}

export const Uuid = Type.String({ format: "uuid" });
export const IdParams = Type.Object({ id: Uuid });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const DateTime = Type.String({ format: "date-time" });
