import { Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";

export const DocumentParams = Type.Object({ id: Uuid });
export const HouseholdDocumentsParams = Type.Object({ id: Uuid });
export const PortalDocumentsParams = Type.Object({ householdId: Uuid });
export const ContentQuery = Type.Object({
  disposition: Type.Optional(Type.Union([Type.Literal("attachment"), Type.Literal("inline")])),
});

export const DocumentView = Type.Object({
  id: Uuid,
  householdId: Uuid,
  title: Type.String(),
  kind: Type.String(),
  kindName: Type.String(),
  documentDate: Nullable(Type.String()),
  confidentiality: Type.Union([Type.Literal("team"), Type.Literal("caseLead"), Type.Literal("resident")]),
  status: Type.Union([Type.Literal("scanning"), Type.Literal("available")], {
    description: "scanning: wordt gecontroleerd (virusscanner en inhoud); nog niet te openen",
  }),
  scan: Type.Union([
    Type.Literal("pending"),
    Type.Literal("clean"),
    Type.Literal("notScanned"),
    Type.Literal("generated"),
  ]),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Nullable(Type.String()),
  source: Type.Union([Type.Literal("team"), Type.Literal("portal"), Type.Literal("planAgreement")]),
  uploadedAt: DateTime,
  uploadedByName: Nullable(Type.String()),
  uploadedByMe: Type.Boolean(),
  link: Nullable(
    Type.Object({
      type: Type.Union([
        Type.Literal("case"),
        Type.Literal("planGoal"),
        Type.Literal("journalEntry"),
        Type.Literal("signal"),
        Type.Literal("conference"),
      ]),
      id: Uuid,
    }),
  ),
  planVersion: Nullable(Type.Integer()),
  preview: Nullable(Type.Union([Type.Literal("pdf"), Type.Literal("image")])),
  allowed: Type.Object({ withdraw: Type.Boolean() }),
});
export const DocumentList = Type.Object({ items: Type.Array(DocumentView) });
export const Uploaded = Type.Object({ items: Type.Array(DocumentView), warning: Nullable(Type.String()) });
export const WithdrawBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) });
export const Withdrawn = Type.Object({ id: Uuid });
export const Kind = Type.Object({ code: Type.String(), name: Type.String(), builtIn: Type.Boolean() });
export const KindList = Type.Object({ items: Type.Array(Kind) });
export const KindBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }) });
export const UploadSettings = Type.Object({
  maxFileBytes: Type.Integer(),
  maxFilesPerUpload: Type.Integer(),
  maxHouseholdBytes: Type.Integer(),
  scanner: Type.Union([
    Type.Literal("configured"),
    Type.Literal("missingRefused"),
    Type.Literal("missingAllowed"),
  ]),
  warning: Nullable(Type.String()),
  accept: Type.Array(Type.String()),
});
