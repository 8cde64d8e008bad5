import { Type } from "typebox";

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

export const LoginResult = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("mfaRequired"), Type.Literal("mfaSetupRequired")]),
});

export const CodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }) });

export const MfaEnrolment = Type.Object({
  secret: Type.String(),
  otpauthUrl: Type.String(),
  qrSvg: Type.String(),
});

export const SessionView = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.String(),
    municipalityId: Type.String(),
    municipalityName: Type.String(),
    organisationName: Type.Union([Type.String(), Type.Null()]),
    mfaEnabled: Type.Boolean(),
  }),
  stage: Type.String(),
  teams: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      model: Type.String(),
      office: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
});
