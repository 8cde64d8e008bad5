import { Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";

const Run = Type.Object({
  job: Type.String(),
  instance: Type.String(),
  attempt: Type.Integer(),
  state: Type.Union([Type.Literal("running"), Type.Literal("succeeded"), Type.Literal("failed")]),
  startedAt: DateTime,
  finishedAt: Nullable(DateTime),
  durationMs: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});

export const JobsOverview = Type.Object({
  runner: Nullable(Type.Union([Type.Literal("pg-boss"), Type.Literal("in-process")])),
  running: Type.Boolean(),
  jobs: Type.Array(
    Type.Object({
      name: Type.String(),
      schedule: Type.String(),
      lastState: Nullable(Type.String()),
      lastStartedAt: Nullable(DateTime),
      nextRunAt: Nullable(DateTime),
      queued: Type.Integer(),
    }),
  ),
  recent: Type.Array(Run),
  failures: Type.Array(Run),
});

const OutboxState = Type.Union([
  Type.Literal("pending"),
  Type.Literal("sending"),
  Type.Literal("sent"),
  Type.Literal("dead"),
]);

export const OutboxOverview = Type.Object({
  smtpConfigured: Type.Boolean(),
  backlog: Type.Object({ pending: Type.Integer(), sending: Type.Integer(), dead: Type.Integer() }),
  oldestPendingAt: Nullable(DateTime),
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      state: OutboxState,
      attempts: Type.Integer(),
      createdAt: DateTime,
      nextAttemptAt: DateTime,
      deadAt: Nullable(DateTime),
      lastError: Nullable(Type.String()),
    }),
  ),
});

export const MessageParams = Type.Object({ id: Uuid });
export const Retried = Type.Object({ id: Type.String(), state: OutboxState });

export const OnboardingBody = Type.Object({
  code: Type.String({ pattern: "^GM[0-9]{4}$" }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  adminUsername: Type.String({ pattern: "^[a-zA-Z0-9._@-]{3,100}$" }),
  adminEmail: Type.String({ format: "email", maxLength: 200 }),
  adminDisplayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  zrmVersion: Type.Optional(Type.Union([Type.Literal("2010"), Type.Literal("2017")])),
  mfaRequiredRoles: Type.Optional(Type.Array(Type.String(), { maxItems: 6 })),
});

export const Onboarded = Type.Object({
  municipalityId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  zrmVersion: Type.Union([Type.Literal("2010"), Type.Literal("2017")]),
  mfaRequiredRoles: Type.Array(Type.String()),
  districts: Type.Integer(),
  neighbourhoods: Type.Integer(),
  administrator: Type.Object({ userId: Type.String(), username: Type.String() }),
  passwordSetupExpiresAt: DateTime,
});
