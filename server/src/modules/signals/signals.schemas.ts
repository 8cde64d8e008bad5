import { type Static, Type } from "typebox";
import { DateTime, Nullable } from "../../platform/http/schemas.ts";

// Fields with a business rule (category, buurt, postcode, sizes) are checked by the service so the
// answer names the problem in Dutch; the schema fixes shapes and hard upper bounds.
const Text = (maxLength: number) => Type.String({ maxLength });

export const UrgencyName = Type.Union([
  Type.Literal("low"),
  Type.Literal("normal"),
  Type.Literal("high"),
  Type.Literal("acute"),
]);
export const SourceName = Type.Union([Type.Literal("partner"), Type.Literal("public"), Type.Literal("api")]);

/** A signal as every channel sends it. */
export const SignalInput = Type.Object({
  subject: Type.Union([Type.Literal("person"), Type.Literal("place")]),
  personName: Type.Optional(Nullable(Text(400))),
  postcode: Type.Optional(Nullable(Text(20))),
  houseNumber: Type.Optional(Nullable(Type.Integer())),
  houseNumberAddition: Type.Optional(Nullable(Text(20))),
  street: Type.Optional(Nullable(Text(400))),
  neighbourhoodCode: Type.Optional(Nullable(Text(20))),
  category: Text(60),
  urgency: UrgencyName,
  observation: Text(20_000),
  residentAware: Type.Boolean(),
  reporterName: Type.Optional(Nullable(Text(400))),
  reporterPhone: Type.Optional(Nullable(Text(40))),
  reporterEmail: Type.Optional(Nullable(Text(400))),
});
export type SignalInput = Static<typeof SignalInput>;

export const PublicSignalInput = Type.Intersect([
  SignalInput,
  Type.Object({ anonymous: Type.Optional(Type.Boolean()) }),
]);
export type PublicSignalInput = Static<typeof PublicSignalInput>;

export const ApiSignalInput = Type.Intersect([
  SignalInput,
  Type.Object({
    externalReference: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "Eigen kenmerk van de afzender",
    }),
  }),
]);
export type ApiSignalInput = Static<typeof ApiSignalInput>;

export const ReporterStatusName = Type.Union([
  Type.Literal("received"),
  Type.Literal("inProgress"),
  Type.Literal("handled"),
]);

/** What a reporter sees of a signal: what they sent, and its status with the date. Never case content. */
export const ReporterSignal = Type.Object({
  id: Type.String(),
  referenceCode: Type.String(),
  externalReference: Nullable(Type.String()),
  subject: Type.String(),
  personName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  neighbourhoodCode: Type.String(),
  neighbourhoodName: Nullable(Type.String()),
  category: Type.String(),
  urgency: Type.String(),
  observation: Type.String(),
  receivedAt: DateTime,
  status: ReporterStatusName,
  statusDate: DateTime,
});
export const ReporterSignalList = Type.Object({ items: Type.Array(ReporterSignal) });

export const Submitted = Type.Object({
  id: Type.String(),
  referenceCode: Type.String(),
  status: ReporterStatusName,
  receivedAt: DateTime,
  /** True when the API answered with an existing signal for the same reference. */
  duplicate: Type.Optional(Type.Boolean()),
});

export const PublicSubmitted = Type.Object({ referenceCode: Type.String(), receivedAt: DateTime });
export const PublicStatus = Type.Object({
  referenceCode: Type.String(),
  status: ReporterStatusName,
  statusDate: DateTime,
  receivedAt: DateTime,
});
export const PublicForm = Type.Object({
  municipalityName: Type.String(),
  categories: Type.Array(Type.String()),
  neighbourhoods: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), districtName: Type.String() }),
  ),
});
export const MunicipalityParams = Type.Object({ municipalityCode: Type.String({ pattern: "^GM[0-9]{4}$" }) });
export const ReferenceParams = Type.Object({
  municipalityCode: Type.String({ pattern: "^GM[0-9]{4}$" }),
  referenceCode: Type.String({ maxLength: 20 }),
});
export const ExternalReferenceParams = Type.Object({ externalReference: Type.String({ maxLength: 100 }) });
export const ApiKeyHeaders = Type.Object({
  authorization: Type.Optional(Type.String({ description: "Bearer wk_…" })),
});
