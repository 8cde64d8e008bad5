import type { Database } from "../db/database.ts";
import { InProcessRunner } from "./in-process-runner.ts";
import type { JobDefinition, JobRunner } from "./job.ts";
import { PgBossRunner } from "./pgboss-runner.ts";

/** pg-boss on a PostgreSQL server; the in-process runner on PGlite (one process opens it). */
export function createJobRunner(
  database: Database,
  jobs: JobDefinition[],
  options: {
    databaseUrl: string | undefined;
    instance: string;
    onError: (job: string, error: unknown) => void;
  },
): JobRunner {
  if (database.kind === "postgres" && options.databaseUrl)
    return new PgBossRunner(database.db, options.databaseUrl, jobs, options);
  return new InProcessRunner(database.db, jobs, options);
}
