import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { sql } from "kysely";
import { withActor } from "../platform/context.ts";
import { openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";
import { buildStaffedTeam } from "../test/factories.ts";

const run = promisify(execFile);

async function verify(dataDir: string) {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "server/src/cli/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
}

test("npm run audit:verify passes on an intact chain and exits 1 after a row is altered", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-audit-"));
  let database = await openDatabase({ dataDir });
  await migrate(database.db);
  const team = await buildStaffedTeam(database.db);
  const user = await team.member();
  const actor = {
    userId: user.id,
    municipalityId: team.municipality.id,
    role: "professional" as const,
    displayName: user.displayName,
    organisationId: team.organisation.id,
    teamIds: [team.team.id],
  };
  for (let i = 0; i < 3; i++) {
    await withActor(database.db, actor, { clientIp: null }, (ctx) =>
      ctx.audit({ action: "team.viewed", resourceType: "team", teamId: team.team.id }),
    );
  }
  await database.close();

  const intact = await verify(dataDir);
  assert.equal(intact.code, 0, intact.out);
  assert.match(intact.out, /in orde: 3 gebeurtenissen/);

  database = await openDatabase({ dataDir });
  await sql`update audit_event set action = 'team.created' where chain_position = 2`.execute(database.db);
  await database.close();

  const broken = await verify(dataDir);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /Audit-keten verbroken.*positie 2/);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
