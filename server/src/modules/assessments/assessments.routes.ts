import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { chooseZrmVersion, getInstrument, importLevelDescriptions } from "./assessments.service.ts";

const tags = ["Zelfredzaamheid-Matrix"];
const ZrmVersion = Type.Union([Type.Literal("2010"), Type.Literal("2017")]);

const Instrument = Type.Object({
  attribution: Type.String(),
  municipalityVersion: ZrmVersion,
  versions: Type.Array(
    Type.Object({
      version: ZrmVersion,
      domains: Type.Array(
        Type.Object({ key: Type.String(), name: Type.String(), dataCategory: Type.String() }),
      ),
    }),
  ),
  levels: Type.Array(Type.Object({ level: Type.Integer(), name: Type.String() })),
  descriptions: Type.Array(
    Type.Object({
      zrmVersion: Type.String(),
      domain: Type.String(),
      level: Type.Integer(),
      description: Type.String(),
    }),
  ),
});

export function assessmentRoutes(app: App): void {
  app.get(
    "/api/zrm",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary:
          "Domeinen en niveaus van de ZRM (Zelfredzaamheid-Matrix, GGD Amsterdam) en de eigen omschrijvingen van de gemeente",
        response: { 200: Instrument },
      },
    },
    (request) => request.withContext((ctx) => getInstrument(ctx)),
  );
  app.put(
    "/api/zrm/version",
    {
      config: { access: { anyOf: ["zrm.configure"] } },
      schema: {
        tags,
        summary: "De ZRM-versie van de gemeente kiezen (2010: 11 domeinen, 2017: 13 domeinen)",
        body: Type.Object({ version: ZrmVersion }),
        response: { 200: Instrument },
      },
    },
    (request) => request.withContext((ctx) => chooseZrmVersion(ctx, request.body.version)),
  );
  app.put(
    "/api/zrm/descriptions",
    {
      config: { access: { anyOf: ["zrm.configure"] } },
      schema: {
        tags,
        summary: "Eigen niveau-omschrijvingen inlezen (tekstbestand: domein;niveau;omschrijving per regel)",
        body: Type.Object({ version: ZrmVersion, text: Type.String({ maxLength: 500_000 }) }),
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
    },
    (request) => request.withContext((ctx) => importLevelDescriptions(ctx, request.body)),
  );
}
