import type { Kysely } from "kysely";
import type { Config } from "../../platform/config.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { App } from "../../platform/http/app-type.ts";
import type { DocumentServices } from "../documents/documents.routes.ts";
import { portalAccountRoutes } from "./portal.accounts.routes.ts";
import { portalDeskRoutes } from "./portal.desk.routes.ts";
import { portalLoginRoutes } from "./portal.login.routes.ts";
import { createCodeLoginDeps } from "./portal.login.ts";
import { portalRoutes } from "./portal.routes.ts";

/** All routes of the resident portal: login by code, the resident's pages, and the professional's side. */
export function registerPortal(
  app: App,
  deps: { db: Kysely<DB>; config: Config; afterAudit: () => void; documents?: DocumentServices },
): void {
  portalLoginRoutes(
    app,
    createCodeLoginDeps(deps.db, deps.config.sessionSecret, deps.afterAudit),
    deps.config,
  );
  portalRoutes(app, deps.documents);
  portalDeskRoutes(app);
  portalAccountRoutes(app);
}
