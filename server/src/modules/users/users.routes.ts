import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import { CreateUser, User, UserList } from "./users.schemas.ts";
import { changeUserDisabled, createUser, getUsers } from "./users.service.ts";

const tags = ["Gebruikers"];

export function userRoutes(
  app: App,
  onDisabled: (municipalityId: string, userId: string) => Promise<void>,
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
        body: CreateUser,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.withContext((ctx) => createUser(ctx, request.body))),
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
