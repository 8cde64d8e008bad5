import { type Static, Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";

const DateText = Type.String({ description: "JJJJ-MM-DD", maxLength: 10 });
const LegalBasis = Type.Union([
  Type.Literal("legalObligation"),
  Type.Literal("publicTask"),
  Type.Literal("consent"),
  Type.Literal("vitalInterest"),
]);

export const PurposeInput = Type.Object({
  code: Type.String({ pattern: "^[a-z][A-Za-z0-9]{1,49}$" }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  legalBasis: LegalBasis,
  lawArticle: Type.String({ minLength: 1, maxLength: 500 }),
  categories: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 }),
  retentionMonths: Type.Integer({ minimum: 1, maximum: 1200 }),
  retentionFrom: Type.Optional(Type.Union([Type.Literal("caseClosed"), Type.Literal("registered")])),
  retentionAction: Type.Optional(Type.Union([Type.Literal("delete"), Type.Literal("anonymise")])),
});
export type PurposeInput = Static<typeof PurposeInput>;

export const Purpose = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  legalBasis: LegalBasis,
  lawArticle: Type.String(),
  categories: Type.Array(Type.String()),
  retentionMonths: Type.Integer(),
  retentionFrom: Type.String(),
  retentionAction: Type.String(),
  isDefault: Type.Boolean(),
  active: Type.Boolean(),
});
export const PurposeRegister = Type.Object({
  items: Type.Array(Purpose),
  categories: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), special: Type.Boolean() })),
});

export const ConsentInput = Type.Object({
  purposeCode: Type.String({ maxLength: 50 }),
  residentId: Type.Optional(Nullable(Uuid)),
  recipientOrganisationIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
  recipientRoles: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 3 })),
  categories: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 }),
  coversConferenceNaming: Type.Optional(Type.Boolean()),
  validFrom: DateText,
  validUntil: Type.Optional(Nullable(DateText)),
  givenHow: Type.Union([Type.Literal("verbal"), Type.Literal("written"), Type.Literal("digital")]),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type ConsentInput = Static<typeof ConsentInput>;

export const Consent = Type.Object({
  id: Uuid,
  householdId: Uuid,
  residentId: Nullable(Uuid),
  purposeCode: Type.String(),
  purposeName: Type.String(),
  recipientOrganisationIds: Type.Array(Type.String()),
  recipientRoles: Type.Array(Type.String()),
  categories: Type.Array(Type.String()),
  coversConferenceNaming: Type.Boolean(),
  validFrom: Type.String(),
  validUntil: Nullable(Type.String()),
  givenHow: Type.String(),
  note: Nullable(Type.String()),
  recordedAt: DateTime,
  withdrawnAt: Nullable(DateTime),
});
export const ConsentList = Type.Object({ items: Type.Array(Consent) });
export const WithdrawConsent = Type.Object({
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export const Withdrawn = Type.Object({ id: Uuid, withdrawn: Type.Boolean() });
export const SetPurpose = Type.Object({ purposeCode: Type.String({ maxLength: 50 }) });
export const CasePurposeSet = Type.Object({ caseId: Uuid, purposeCode: Type.String() });
export const HouseholdParams = Type.Object({ householdId: Uuid });
