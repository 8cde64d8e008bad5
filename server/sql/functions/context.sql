-- Who acts: the identity withActor sets per transaction, read by policies through a sub-select so it is evaluated once per statement.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_municipality_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $function$;

CREATE OR REPLACE FUNCTION app_user_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $function$;

CREATE OR REPLACE FUNCTION app_role()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(current_setting('app.role', true), '') $function$;

CREATE OR REPLACE FUNCTION app_team_ids()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(nullif(current_setting('app.team_ids', true), ''), '{}')::uuid[] $function$;

CREATE OR REPLACE FUNCTION app_organisation_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $function$;
