import { Type } from "typebox";

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

export const LoginResult = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("mfaRequired"), Type.Literal("mfaSetupRequired")]),
});

/** A 6-digit TOTP code, or a recovery code like ABCDE-FGHJK (only where recovery codes are allowed). */
export const CodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }) });

/** Re-authentication: the current password and, when two-step verification is on, a current code. */
export const Reauthentication = Type.Object({
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 12 })),
});
export const RequiredReauthentication = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 200 }),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 12 })),
});

export const MfaEnabled = Type.Object({
  status: Type.Literal("ok"),
  /** Ten one-time codes for when the phone is lost: shown this once, stored only hashed. */
  recoveryCodes: Type.Array(Type.String()),
});
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export const RecoveryCodeCount = Type.Object({ left: Type.Integer() });

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 12 })),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
});

export const PasswordSetupToken = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
export const PasswordSetupBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export const PasswordSetupInfo = Type.Object({ username: Type.String() });

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
