import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/**
 * Municipalities with at least one public entry, for the resident-facing start page. This is public
 * information (name and CBS code) read before any municipality is chosen, so it runs as the owner, like
 * the session lookup; it reads nothing else.
 */
export async function listPublicMunicipalities(db: Kysely<DB>) {
  const items = await db
    .selectFrom("municipality as m")
    .select(["m.code", "m.name"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("directoryEntry as e")
          .select("e.id")
          .whereRef("e.municipalityId", "=", "m.id")
          .where("e.isPublic", "=", true)
          .where("e.deactivatedAt", "is", null),
      ),
    )
    .orderBy("m.name")
    .execute();
  return { items };
}
