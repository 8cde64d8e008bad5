import { type Static, type TSchema, Type } from "typebox";
import { DateTime, Uuid } from "../../platform/http/schemas.ts";

/** null first: with type coercion on, ajv would otherwise turn null into "" or 0 (see households.schemas.ts). */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const Tags = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 11 });

export const HouseholdParams = Type.Object({ householdId: Uuid });
export const OfferParams = Type.Object({ offerId: Uuid });
export const MatchParams = Type.Object({ matchId: Uuid });

export const RecordOffer = Type.Object({
  residentId: Uuid,
  skills: Tags,
  interests: Type.Optional(Tags),
  timeAvailable: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type RecordOffer = Static<typeof RecordOffer>;

export const ConsentInput = Type.Object({
  agreed: Type.Boolean(),
  how: Type.Enum(["inPerson", "phone", "signed", "digital"]),
  givenOn: Day,
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type ConsentInput = Static<typeof ConsentInput>;

export const ProposeMatch = Type.Object({
  offerId: Uuid,
  requestActionId: Type.Optional(Nullable(Uuid)),
  directoryEntryId: Type.Optional(Nullable(Uuid)),
  offeringConsent: Type.Optional(Nullable(ConsentInput)),
});
export type ProposeMatch = Static<typeof ProposeMatch>;

export const Saved = Type.Object({ id: Type.String(), status: Type.Optional(Type.String()) });

export const Candidates = Type.Object({
  offerId: Type.String(),
  neighbourhoodCode: Nullable(Type.String()),
  requests: Type.Array(
    Type.Object({
      actionId: Type.String(),
      pseudonym: Type.String(),
      helpTags: Type.Array(Type.String()),
      matchingTags: Type.Array(Type.String()),
      neighbourhoodName: Nullable(Type.String()),
      distanceKm: Nullable(Type.Number()),
      dueDate: Type.String(),
    }),
  ),
  vacancies: Type.Array(
    Type.Object({
      directoryEntryId: Type.String(),
      name: Type.String(),
      providerName: Type.String(),
      matchingTags: Type.Array(Type.String()),
      distanceKm: Nullable(Type.Number()),
    }),
  ),
});

const Party = Type.Object({
  side: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
export const Match = Type.Object({
  id: Type.String(),
  offerId: Type.String(),
  side: Type.String({ description: "offering or requesting: which side this household is on" }),
  targetKind: Type.String(),
  counterpart: Type.String({ description: "a pseudonym until both residents agreed" }),
  helpTags: Type.Array(Type.String()),
  status: Type.String(),
  proposedAt: DateTime,
  agreedAt: Nullable(DateTime),
  consents: Type.Array(
    Type.Object({
      side: Type.String(),
      agreed: Type.Boolean(),
      how: Type.String(),
      givenOn: Type.String(),
      recordedAt: DateTime,
    }),
  ),
  parties: Type.Array(Party),
});
export const Reciprocity = Type.Object({
  householdId: Type.String(),
  offers: Type.Array(
    Type.Object({
      id: Type.String(),
      residentId: Type.String(),
      residentName: Type.String(),
      skills: Type.Array(Type.String()),
      interests: Type.Array(Type.String()),
      timeAvailable: Nullable(Type.String()),
      description: Nullable(Type.String()),
      createdAt: DateTime,
    }),
  ),
  matches: Type.Array(Match),
});
