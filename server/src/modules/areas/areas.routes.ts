import { Type } from "typebox";
import type { RequestContext } from "../../platform/context.ts";
import type { App } from "../../platform/http/app-type.ts";
import { Nullable } from "../../platform/http/schemas.ts";

const Area = Type.Object({
  code: Type.String(),
  kind: Type.Union([Type.Literal("district"), Type.Literal("neighbourhood")]),
  name: Type.String(),
  districtCode: Nullable(Type.String()),
});
const AreaList = Type.Object({ items: Type.Array(Area) });

export function listAreas(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("area")
    .select(["code", "kind", "name", "districtCode"])
    .orderBy("kind")
    .orderBy("name")
    .execute();
}

/** CBS wijken and buurten of the municipality (reference data, no personal data). */
export function areaRoutes(app: App): void {
  app.get(
    "/api/areas",
    {
      config: { access: "session" },
      schema: {
        tags: ["Gebieden"],
        summary: "CBS-wijken en -buurten van de gemeente",
        response: { 200: AreaList },
      },
    },
    (request) => request.withContext(async (ctx) => ({ items: await listAreas(ctx) })),
  );
}
