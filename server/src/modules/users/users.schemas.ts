import { Type } from "typebox";
import { ROLES } from "../../platform/access/permissions.ts";
import { Nullable, Uuid } from "../../platform/http/schemas.ts";

export const RoleName = Type.Enum(ROLES);

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  role: Type.String(),
  homeOrganisationId: Nullable(Type.String()),
  homeOrganisationName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  mfaEnabled: Type.Boolean(),
});
export const UserList = Type.Object({ items: Type.Array(User) });

export const CreateUser = Type.Object({
  username: Type.String({ pattern: "^[a-zA-Z0-9._@-]{3,100}$" }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 200 }))),
  role: RoleName,
  homeOrganisationId: Type.Optional(Nullable(Uuid)),
});

export const PasswordSetupIssued = Type.Object({ expiresAt: Type.String({ format: "date-time" }) });
