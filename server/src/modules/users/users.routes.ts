import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import { CreateUser, PasswordSetupIssued, User, UserList } from "./users.schemas.ts";
import {
  changeUserDisabled,
  createUser,
  getUsers,
  resetUserMfa,
  sendPasswordSetup,
} from "./users.service.ts";

const tags = ["Gebruikers"];

export function userRoutes(
  app: App,
  onDisabled: (municipalityId: string, userId: string) => Promise<void>,
  publicUrl?: string,
): void {
  app.get(
    "/api/users",
    {
      config: { access: { anyOf: ["user.manage"] } },
      schema: {
        tags,
        summary: "Gebruikers van de gemeente",
        response: { 200: UserList },
      },
    },
    (request) => request.withContext((ctx) => getUsers(ctx)),
  );
  app.post(
    "/api/users",
    {
      config: { access: { anyOf: ["user.manage"] } },
      schema: {
        tags,
        summary: "Een gebruiker aanmaken",
        description:
          "Zonder wachtwoord: met een e-mailadres krijgt de gebruiker meteen een eenmalige link om zelf een wachtwoord te kiezen.",
        body: CreateUser,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createUser(ctx, request.body, publicUrl))),
  );
  app.post(
    "/api/users/:id/password-setup",
    {
      config: { access: { anyOf: ["user.manage"] } },
      schema: {
        tags,
        summary: "Een eenmalige link sturen waarmee de gebruiker zelf een wachtwoord kiest",
        params: IdParams,
        response: { 200: PasswordSetupIssued },
      },
    },
    (request) => request.withContext((ctx) => sendPasswordSetup(ctx, request.params.id, publicUrl)),
  );
  app.post(
    "/api/users/:id/mfa/reset",
    {
      config: { access: { anyOf: ["user.manage"] } },
      schema: {
        tags,
        summary: "Tweestapsverificatie van een gebruiker resetten (beëindigt diens sessies)",
        params: IdParams,
        response: { 200: User },
      },
    },
    async (request) => {
      const user = await request.withContext((ctx) => resetUserMfa(ctx, request.params.id));
      if (request.session) await onDisabled(request.session.actor.municipalityId, user.id);
      return user;
    },
  );
  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(
      `/api/users/:id/${path}`,
      {
        config: { access: { anyOf: ["user.manage"] } },
        schema: {
          tags,
          summary: disabled
            ? "Een gebruiker uitzetten (beëindigt direct alle sessies)"
            : "Een gebruiker weer aanzetten",
          params: IdParams,
          response: { 200: User },
        },
      },
      async (request) => {
        const user = await request.withContext((ctx) => changeUserDisabled(ctx, request.params.id, disabled));
        if (disabled && request.session) await onDisabled(request.session.actor.municipalityId, user.id);
        return user;
      },
    );
  }
}
