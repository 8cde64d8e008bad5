import { Type } from "typebox";
import type { Database } from "../db/database.ts";
import type { App } from "./app-type.ts";

const Health = Type.Object({ status: Type.String(), database: Type.String() });

export function healthRoutes(app: App, database: Database): void {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["Beheer"],
        summary: "Gezondheid van de dienst en de database",
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      try {
        await Promise.race([
          database.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref()),
        ]);
        return { status: "ok", database: "ok" };
      } catch {
        reply.header("retry-after", "5");
        return reply.code(503).send({ status: "unavailable", database: "unreachable" });
      }
    },
  );
}
