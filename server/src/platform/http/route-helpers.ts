import type { FastifyReply, FastifySchema } from "fastify";
import type { Access } from "./access.ts";

/**
 * Route options for a group of routes that share their access rule and API tags:
 * `describe(summary, { params, body, response })` gives `{ config: { access }, schema: { tags, summary, … } }`,
 * with the schemas typed as written (so request and reply stay typed). Common errors: common-errors.ts.
 */
export function routeGroup(access: Access, tags: string[]) {
  return <S extends FastifySchema>(summary: string, schema: S) => ({
    config: { access },
    schema: { tags, summary, ...schema },
  });
}

/** Answers 201 Created with what the use case returns (the route's 201 schema still types it). */
export async function created<T>(reply: FastifyReply, result: Promise<T>): Promise<T> {
  reply.code(201);
  return result;
}
