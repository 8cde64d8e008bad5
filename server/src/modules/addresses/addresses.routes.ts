import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { Nullable } from "../../platform/http/schemas.ts";
import { lookUpAddress } from "./addresses.service.ts";

const AddressQuery = Type.Object({
  postcode: Type.String({ maxLength: 10 }),
  houseNumber: Type.Integer({ minimum: 1, maximum: 99_999 }),
  addition: Type.Optional(Type.String({ maxLength: 10 })),
});
const AddressLookup = Type.Object({
  street: Nullable(Type.String()),
  city: Nullable(Type.String()),
  neighbourhoodCode: Nullable(Type.String()),
  neighbourhoodName: Nullable(Type.String()),
  candidates: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  source: Type.Union([Type.Literal("service"), Type.Literal("reference"), Type.Literal("none")]),
});

/** Postcode + house number → street, place and CBS buurt (reference data and the address service). */
export function addressRoutes(app: App, deps: { serviceUrl: string | undefined }): void {
  app.get(
    "/api/addresses",
    {
      config: { access: { anyOf: ["household.write"] } },
      schema: {
        tags: ["Gebieden"],
        summary: "Straat, plaats en CBS-buurt bij een postcode en huisnummer",
        querystring: AddressQuery,
        response: { 200: AddressLookup },
      },
    },
    (request) => request.withContext((ctx) => lookUpAddress(ctx, request.query, deps.serviceUrl)),
  );
}
