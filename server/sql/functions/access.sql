-- Who has which level on which household: the rules in one place (issue 15).
--
-- app_access_grants() computes the rows household_access should hold, for some households or some
-- users; app_refresh_household_access() makes the table agree with it for that scope, touching only the
-- rows that differ; the triggers at the end call it after every statement that changes what the rules
-- read. Policies (server/sql/policies.sql, generated from server/src/platform/access/rules.ts) then ask
-- one indexed row: does this user hold one of these levels on this household, now?
--
-- The levels (a user can hold at most one of the first five per household, plus frontOffice, plus a
-- portal level):
--   caseLead        the case lead of a case of the household
--   edit            involved in a case (not as front office), opened or allocated it, team lead of its
--                   team, named back-office professional it was routed to; without a case: the team that
--                   registered the household (network team: only the registering professional and the
--                   team lead)
--   read            a colleague in the integrated team of the case; the back-office organisation a case
--                   was routed to
--   emergency       break the glass: read until valid_until, when no permanent level applies
--   frontOffice     the front office of a front/back-office team, for its team's requests: registration
--                   rows and intake summaries only, never the full dossier (even when involved)
--   resident        a resident's portal account, for the household the resident lives in
--   representative  a user authorised to act for a member of the household, between valid_from and
--                   valid_until
-- Only professionals and team leads hold staff levels, and only while their account is enabled;
-- administrators, policy officers and partners see no household.

CREATE OR REPLACE FUNCTION app_access_grants(p_municipality uuid, p_households uuid[], p_users uuid[])
RETURNS TABLE (user_id uuid, household_id uuid, level text, sources text[], valid_from timestamptz,
  valid_until timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  RETURN QUERY
  WITH staff AS MATERIALIZED (
    SELECT u.id, u.role FROM app_user u
    WHERE u.municipality_id = p_municipality AND u.role IN ('professional', 'teamLead') AND u.disabled_at IS NULL
      AND (p_users IS NULL OR u.id = ANY (p_users))
  ),
  membership AS MATERIALIZED (
    SELECT m.user_id, m.team_id, m.organisation_id, m.office, t.model, s.role,
      (m.office = 'front' AND t.model = 'frontBackOffice' AND s.role = 'professional') AS front
    FROM team_membership m
    JOIN staff s ON s.id = m.user_id
    JOIN team t ON t.municipality_id = m.municipality_id AND t.id = m.team_id
    WHERE m.municipality_id = p_municipality
  ),
  granted (user_id, household_id, level, source, valid_from, valid_until) AS (
    -- Involved in a case, as case lead or otherwise (a front-office member of the case's team: see below).
    SELECT p.user_id, p.household_id, CASE WHEN p.is_case_lead THEN 'caseLead' ELSE 'edit' END,
      CASE WHEN p.is_case_lead THEN 'caseLead' ELSE 'involved' END, '-infinity'::timestamptz, 'infinity'::timestamptz
    FROM case_professional p
    JOIN staff s ON s.id = p.user_id
    JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
    WHERE p.municipality_id = p_municipality AND p.ended_at IS NULL
      AND (p_households IS NULL OR p.household_id = ANY (p_households))
      AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.user_id = p.user_id AND m.team_id = c.team_id AND m.front)
    UNION ALL
    -- The team of a case: the team lead, whoever opened or allocated it, a back-office professional it
    -- was routed to by name edit; the other members of an integrated team read.
    SELECT m.user_id, c.household_id,
      CASE WHEN r.source IS NOT NULL THEN 'edit' ELSE 'read' END,
      coalesce(r.source, 'integratedTeam'), '-infinity', 'infinity'
    FROM case_file c
    JOIN membership m ON m.team_id = c.team_id AND NOT m.front
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN m.role = 'teamLead' THEN 'teamLead'
        WHEN m.user_id = c.opened_by_user_id THEN 'openedCase'
        WHEN m.user_id = c.allocated_by_user_id THEN 'allocatedCase'
        WHEN EXISTS (SELECT 1 FROM case_routing x WHERE x.municipality_id = c.municipality_id AND x.case_id = c.id
                       AND x.to_user_id = m.user_id AND x.withdrawn_at IS NULL) THEN 'routedToUser'
      END AS source
    ) r
    WHERE c.municipality_id = p_municipality
      AND (p_households IS NULL OR c.household_id = ANY (p_households))
      AND (r.source IS NOT NULL OR m.model = 'integrated')
    UNION ALL
    -- A household without a case: the team that registered it (network team: the registering
    -- professional and the team lead).
    SELECT m.user_id, h.id, 'edit', 'registeringTeam', '-infinity', 'infinity'
    FROM household h
    JOIN membership m ON m.team_id = h.registered_by_team_id AND NOT m.front
    WHERE h.municipality_id = p_municipality
      AND (p_households IS NULL OR h.id = ANY (p_households))
      AND (m.model <> 'network' OR m.role = 'teamLead' OR h.registered_by_user_id = m.user_id)
      AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
    UNION ALL
    -- Routed to a back-office organisation: its members in the back office of that team read.
    SELECT m.user_id, x.household_id, 'read', 'routedToOrganisation', '-infinity', 'infinity'
    FROM case_routing x
    JOIN membership m ON m.team_id = x.team_id AND m.office = 'back'
    WHERE x.municipality_id = p_municipality AND x.withdrawn_at IS NULL
      AND (p_households IS NULL OR x.household_id = ANY (p_households))
      AND (x.to_user_id = m.user_id OR (x.to_user_id IS NULL AND x.to_organisation_id = m.organisation_id))
    UNION ALL
    -- Break the glass, for the time asked.
    SELECT e.user_id, e.household_id, 'emergency', 'emergencyAccess', e.starts_at, e.expires_at
    FROM emergency_access e
    JOIN staff s ON s.id = e.user_id
    WHERE e.municipality_id = p_municipality AND e.ended_at IS NULL
      AND (p_households IS NULL OR e.household_id = ANY (p_households))
    UNION ALL
    -- The front office: its team's requests, with or without a case.
    SELECT m.user_id, c.household_id, 'frontOffice', 'frontOffice', '-infinity', 'infinity'
    FROM case_file c
    JOIN membership m ON m.team_id = c.team_id AND m.front
    WHERE c.municipality_id = p_municipality
      AND (p_households IS NULL OR c.household_id = ANY (p_households))
    UNION ALL
    SELECT m.user_id, h.id, 'frontOffice', 'frontOffice', '-infinity', 'infinity'
    FROM household h
    JOIN membership m ON m.team_id = h.registered_by_team_id AND m.front
    WHERE h.municipality_id = p_municipality
      AND (p_households IS NULL OR h.id = ANY (p_households))
      AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id)
    UNION ALL
    -- Residents: their own household through their portal account.
    SELECT a.user_id, m.household_id, 'resident', 'residentAccount', '-infinity', 'infinity'
    FROM resident_account a
    JOIN app_user u ON u.municipality_id = a.municipality_id AND u.id = a.user_id
      AND u.role = 'resident' AND u.disabled_at IS NULL
    JOIN household_member m ON m.municipality_id = a.municipality_id AND m.resident_id = a.resident_id
    WHERE a.municipality_id = p_municipality
      AND (p_users IS NULL OR a.user_id = ANY (p_users))
      AND (p_households IS NULL OR m.household_id = ANY (p_households))
    UNION ALL
    -- Representatives, on the days their authorisation runs.
    SELECT r.representative_user_id, r.household_id, 'representative', r.basis,
      r.valid_from::timestamptz, (r.valid_until + 1)::timestamptz
    FROM representation r
    JOIN app_user u ON u.municipality_id = r.municipality_id AND u.id = r.representative_user_id
      AND u.role = 'resident' AND u.disabled_at IS NULL
    WHERE r.municipality_id = p_municipality AND r.revoked_at IS NULL
      AND (p_users IS NULL OR r.representative_user_id = ANY (p_users))
      AND (p_households IS NULL OR r.household_id = ANY (p_households))
  ),
  -- Per user and household the strongest of caseLead > edit > read > emergency, with every permanent
  -- reason that gives access (a case lead who is also in the integrated team: {caseLead, integratedTeam});
  -- emergency only when no permanent level applies. frontOffice and the portal levels stand apart.
  ranked AS (
    SELECT g.*, CASE g.level WHEN 'caseLead' THEN 4 WHEN 'edit' THEN 3 WHEN 'read' THEN 2 WHEN 'emergency' THEN 1
      ELSE 0 END AS rank
    FROM granted g
  )
  SELECT k.user_id, k.household_id, k.level, array_agg(DISTINCT k.source ORDER BY k.source),
    min(k.valid_from), max(k.valid_until)
  FROM ranked k WHERE k.rank = 0
  GROUP BY k.user_id, k.household_id, k.level
  UNION ALL
  SELECT k.user_id, k.household_id, (ARRAY['emergency', 'read', 'edit', 'caseLead'])[max(k.rank)],
    CASE WHEN max(k.rank) > 1 THEN array_agg(DISTINCT k.source ORDER BY k.source) FILTER (WHERE k.rank > 1)
      ELSE array_agg(DISTINCT k.source ORDER BY k.source) END,
    CASE WHEN max(k.rank) > 1 THEN '-infinity'::timestamptz ELSE min(k.valid_from) END,
    CASE WHEN max(k.rank) > 1 THEN 'infinity'::timestamptz ELSE max(k.valid_until) END
  FROM ranked k WHERE k.rank > 0
  GROUP BY k.user_id, k.household_id;
END
$$;

-- Makes household_access agree with the rules for the given households or users (NULL: all), in the
-- given municipality (NULL: every municipality). Only rows that differ are written.
CREATE OR REPLACE FUNCTION app_refresh_household_access(p_municipality uuid, p_households uuid[], p_users uuid[])
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  v_municipality uuid;
BEGIN
  FOR v_municipality IN
    SELECT id FROM municipality WHERE p_municipality IS NULL OR id = p_municipality
  LOOP
    -- One statement: the rows to delete and the rows to write are disjoint (in the rules or not).
    WITH wanted AS MATERIALIZED (
      SELECT * FROM app_access_grants(v_municipality, p_households, p_users)
    ),
    gone AS (
      DELETE FROM household_access a
      WHERE a.municipality_id = v_municipality
        AND (p_households IS NULL OR a.household_id = ANY (p_households))
        AND (p_users IS NULL OR a.user_id = ANY (p_users))
        AND NOT EXISTS (SELECT 1 FROM wanted w
                        WHERE w.user_id = a.user_id AND w.household_id = a.household_id AND w.level = a.level)
    )
    INSERT INTO household_access AS a (municipality_id, user_id, household_id, level, sources, valid_from, valid_until)
    SELECT v_municipality, w.user_id, w.household_id, w.level, w.sources, w.valid_from, w.valid_until
    FROM wanted w
    ON CONFLICT (municipality_id, user_id, household_id, level) DO UPDATE
      SET sources = excluded.sources, valid_from = excluded.valid_from, valid_until = excluded.valid_until
      WHERE (a.sources, a.valid_from, a.valid_until) IS DISTINCT FROM
        (excluded.sources, excluded.valid_from, excluded.valid_until);
  END LOOP;
END
$$;

-- Recomputes everything (after a change of the rules, and to check the incremental upkeep).
CREATE OR REPLACE FUNCTION app_rebuild_household_access() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_refresh_household_access(NULL, NULL, NULL)
$$;

-- After a statement on a table the rules read: refresh the households (TG_ARGV[1] = 'household') or
-- users ('user') whose rows changed. TG_ARGV[0] selects (municipality_id, id) from %s, the changed rows;
-- for an update only rows whose listed columns changed (TG_ARGV[2]) count.
CREATE OR REPLACE FUNCTION app_access_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_rows text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s FROM new_rows', TG_ARGV[2])
    WHEN 'DELETE' THEN format('SELECT %s FROM old_rows', TG_ARGV[2])
    ELSE format('(SELECT %1$s FROM new_rows EXCEPT SELECT %1$s FROM old_rows) '
      || 'UNION (SELECT %1$s FROM old_rows EXCEPT SELECT %1$s FROM new_rows)', TG_ARGV[2])
  END;
  g record;
BEGIN
  FOR g IN EXECUTE format('SELECT municipality_id, array_agg(DISTINCT id) AS ids FROM (%s) q '
    || 'WHERE id IS NOT NULL GROUP BY municipality_id', format(TG_ARGV[0], v_rows))
  LOOP
    IF TG_ARGV[1] = 'household' THEN
      PERFORM app_refresh_household_access(g.municipality_id, g.ids, NULL);
    ELSE
      PERFORM app_refresh_household_access(g.municipality_id, NULL, g.ids);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

-- The triggers: one per table and kind of statement (a trigger with transition tables has one event).
DO $$
DECLARE
  t record;
  v_op text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('household', 'household', 'SELECT municipality_id, id FROM (%s) r',
      'municipality_id, id, registered_by_team_id, registered_by_user_id'),
    ('household_member', 'household', 'SELECT municipality_id, household_id AS id FROM (%s) r',
      'municipality_id, household_id, resident_id'),
    ('case_file', 'household', 'SELECT municipality_id, household_id AS id FROM (%s) r',
      'municipality_id, id, household_id, team_id, opened_by_user_id, allocated_by_user_id'),
    ('case_professional', 'household', 'SELECT municipality_id, household_id AS id FROM (%s) r',
      'municipality_id, case_id, user_id, household_id, is_case_lead, ended_at'),
    ('case_routing', 'household', 'SELECT municipality_id, household_id AS id FROM (%s) r',
      'municipality_id, id, household_id, team_id, to_organisation_id, to_user_id, withdrawn_at'),
    ('emergency_access', 'household', 'SELECT municipality_id, household_id AS id FROM (%s) r',
      'municipality_id, id, household_id, user_id, starts_at, expires_at, ended_at'),
    ('representation', 'household', 'SELECT municipality_id, household_id AS id FROM (%s) r',
      'municipality_id, id, household_id, representative_user_id, basis, valid_from, valid_until, revoked_at'),
    ('team', 'household', 'SELECT c.municipality_id, c.household_id AS id FROM (%1$s) r '
      || 'JOIN case_file c ON c.municipality_id = r.municipality_id AND c.team_id = r.id '
      || 'UNION SELECT h.municipality_id, h.id FROM (%1$s) r '
      || 'JOIN household h ON h.municipality_id = r.municipality_id AND h.registered_by_team_id = r.id',
      'municipality_id, id, model'),
    ('team_membership', 'user', 'SELECT municipality_id, user_id AS id FROM (%s) r',
      'municipality_id, team_id, user_id, organisation_id, office'),
    ('resident_account', 'user', 'SELECT municipality_id, user_id AS id FROM (%s) r',
      'municipality_id, user_id, resident_id'),
    ('app_user', 'user', 'SELECT municipality_id, id FROM (%s) r',
      'municipality_id, id, role, disabled_at')
  ) AS x (tbl, scope, ids, cols)
  LOOP
    FOREACH v_op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      EXECUTE format('CREATE OR REPLACE TRIGGER access_after_%s AFTER %s ON %I REFERENCING %s '
        || 'FOR EACH STATEMENT EXECUTE FUNCTION app_access_after_change(%L, %L, %L)',
        v_op, upper(v_op), t.tbl,
        CASE v_op WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows'
          ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        t.ids, t.scope, t.cols);
    END LOOP;
  END LOOP;
END
$$;

-- Whether the acting user holds one of these levels on the household now (for the functions below,
-- which read as the owner; policies ask household_access directly).
-- p_group names a group of levels in the declaration (app_access_group, generated into policies.sql).
CREATE OR REPLACE FUNCTION app_has_access(p_household_id uuid, p_group text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM household_access a
    WHERE a.municipality_id = app_municipality_id() AND a.user_id = app_user_id()
      AND a.household_id = p_household_id AND a.level = ANY (app_access_group(p_group))
      AND a.valid_from <= now() AND a.valid_until > now());
END
$$;

-- Whether a household exists in the acting municipality, for a professional (emergency access to an
-- unknown id is a 404; asking is audited by the caller).
CREATE OR REPLACE FUNCTION app_household_exists(p_household_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM household WHERE municipality_id = app_municipality_id() AND id = p_household_id)
    AND app_role() IN ('professional', 'teamLead')
$$;

-- The team a household belongs to: the team of its open case, else of its latest case, else the team
-- that registered it. Emergency access is filed (and reviewed) there.
CREATE OR REPLACE FUNCTION app_household_team(p_household_id uuid)
RETURNS TABLE (team_id uuid, has_team_lead boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT x.team_id, EXISTS (
    SELECT 1 FROM team_membership m
    JOIN app_user u ON u.municipality_id = m.municipality_id AND u.id = m.user_id
    WHERE m.municipality_id = app_municipality_id() AND m.team_id = x.team_id AND u.role = 'teamLead'
      AND u.disabled_at IS NULL)
  FROM (
    SELECT coalesce(
      (SELECT c.team_id FROM case_file c WHERE c.municipality_id = app_municipality_id()
         AND c.household_id = p_household_id ORDER BY (c.status <> 'closed') DESC, c.opened_at DESC LIMIT 1),
      (SELECT h.registered_by_team_id FROM household h WHERE h.municipality_id = app_municipality_id()
         AND h.id = p_household_id)) AS team_id
  ) x
  WHERE x.team_id IS NOT NULL AND app_role() IN ('professional', 'teamLead')
$$;

-- The front office's view of intakes: the request and urgency; the underlying question, strengths,
-- network, safety notes and special-category life domains stay hidden.
CREATE OR REPLACE FUNCTION app_intake_summaries(p_household_ids uuid[])
RETURNS TABLE (case_id uuid, household_id uuid, conversation_date date, request_in_own_words text,
  urgency text, life_domains text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.case_id, i.household_id, i.conversation_date, i.request_in_own_words, i.urgency,
    ARRAY(SELECT d FROM unnest(i.life_domains) d
          WHERE d NOT IN ('mentalHealth', 'physicalHealth', 'substanceUse', 'addiction', 'justice'))
  FROM intake i
  WHERE i.municipality_id = app_municipality_id() AND i.household_id = ANY (p_household_ids)
    AND app_has_access(i.household_id, 'registration')
$$;

-- Every audit event about a household read under emergency access is marked as such, whichever module
-- writes it. Only the emergency access id is stored: its reason stays in its own record, which
-- retention can remove (the audit chain cannot be edited).
CREATE OR REPLACE FUNCTION app_mark_emergency_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  g record;
BEGIN
  IF NEW.household_id IS NULL OR NEW.actor_user_id IS NULL THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM household_access a
      WHERE a.municipality_id = NEW.municipality_id AND a.user_id = NEW.actor_user_id
        AND a.household_id = NEW.household_id AND a.level = 'emergency'
        AND a.valid_from <= now() AND a.valid_until > now()) THEN
    RETURN NEW;
  END IF;
  SELECT e.id, e.team_id INTO g FROM emergency_access e
  WHERE e.municipality_id = NEW.municipality_id AND e.user_id = NEW.actor_user_id
    AND e.household_id = NEW.household_id AND e.ended_at IS NULL
    AND e.starts_at <= now() AND e.expires_at > now()
  ORDER BY e.starts_at DESC LIMIT 1;
  IF NOT FOUND THEN
    RETURN NEW;
  END IF;
  NEW.team_id := coalesce(NEW.team_id, g.team_id);
  NEW.details := NEW.details || jsonb_build_object('breakTheGlass', true, 'emergencyAccessId', g.id);
  RETURN NEW;
END
$$;

-- The emergency access an audit event refers to: the one it was read under (details.emergencyAccessId),
-- or the one an emergencyAccess.* event is about. The reason is read from there, never from the event.
CREATE OR REPLACE FUNCTION app_audit_emergency_access_id(p_event audit_event) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_event.details ->> 'emergencyAccessId' ~ '^[0-9a-f-]{36}$' THEN (p_event.details ->> 'emergencyAccessId')::uuid
    WHEN p_event.resource_type = 'emergencyAccess' AND p_event.resource_id ~ '^[0-9a-f-]{36}$'
      THEN p_event.resource_id::uuid
  END
$$;

-- Who accessed a household's or resident's data, for the resident's export: only with full access.
CREATE OR REPLACE FUNCTION app_household_access_log(p_household_id uuid, p_resident_id uuid)
RETURNS TABLE (id bigint, occurred_at timestamptz, action text, actor_name text, actor_role text,
  organisation_name text, resource_type text, reason text, break_the_glass boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.id, e.occurred_at, e.action, u.display_name, e.actor_role, o.name, e.resource_type,
    coalesce(g.reason, e.reason), coalesce((e.details ->> 'breakTheGlass')::boolean, false)
  FROM audit_event e
  LEFT JOIN app_user u ON u.municipality_id = e.municipality_id AND u.id = e.actor_user_id
  LEFT JOIN organisation o ON o.municipality_id = e.municipality_id AND o.id = e.actor_organisation_id
  LEFT JOIN emergency_access g ON g.municipality_id = e.municipality_id
    AND g.id = app_audit_emergency_access_id(e)
  WHERE e.municipality_id = app_municipality_id()
    AND app_has_access(p_household_id, 'dossier')
    AND (e.household_id = p_household_id OR e.resident_id = p_resident_id)
  ORDER BY e.id
$$;

-- Possible duplicates of a resident being registered, across the municipality (a registration must not
-- create a second dossier). Whether the caller may open the household is said per row; the caller audits
-- the check in its own transaction, since a refused registration rolls back.
CREATE OR REPLACE FUNCTION app_find_duplicate_residents(p_bsn text, p_family_name text, p_birth_date date,
  p_postcode text, p_house_number integer, p_addition text)
RETURNS TABLE (resident_id uuid, household_id uuid, by_bsn boolean, by_name_birth_postcode boolean,
  by_address boolean, visible boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id, m.household_id,
    coalesce(r.bsn = p_bsn, false),
    coalesce(lower(r.family_name) = lower(p_family_name) AND r.birth_date = p_birth_date AND r.postcode = p_postcode, false),
    coalesce(r.postcode = p_postcode AND r.house_number = p_house_number
      AND coalesce(upper(r.house_number_addition), '') = coalesce(upper(p_addition), ''), false),
    m.household_id IS NOT NULL AND app_has_access(m.household_id, 'dossier')
  FROM resident r
  LEFT JOIN household_member m ON m.municipality_id = r.municipality_id AND m.resident_id = r.id
  WHERE r.municipality_id = app_municipality_id()
    AND app_role() IN ('professional', 'teamLead')
    AND (
      (p_bsn IS NOT NULL AND r.bsn = p_bsn)
      OR (lower(r.family_name) = lower(p_family_name) AND r.birth_date = p_birth_date AND r.postcode = p_postcode)
      OR (p_postcode IS NOT NULL AND r.postcode = p_postcode AND r.house_number = p_house_number
          AND coalesce(upper(r.house_number_addition), '') = coalesce(upper(p_addition), ''))
    )
  LIMIT 20
$$;

-- The households "Mijn werk" is about, for the given professionals (the actor; for a team lead, the
-- members of the actor's own teams): where one of them is active on a case of the actor's teams, does an
-- open plan action, or holds an open conference decision. Only ids, to keep the worklist's own queries
-- (which run under the access rules) on these households.
CREATE OR REPLACE FUNCTION app_worklist_household_ids(p_user_ids uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH users AS (
    SELECT u FROM unnest(p_user_ids) AS u
    WHERE u = app_user_id()
      OR (app_role() = 'teamLead' AND EXISTS (SELECT 1 FROM team_membership m
            WHERE m.municipality_id = app_municipality_id() AND m.user_id = u AND m.team_id = ANY (app_team_ids())))
  )
  SELECT coalesce(array_agg(DISTINCT x.household_id), '{}') FROM (
    SELECT p.household_id
    FROM case_professional p
    JOIN case_file c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
    WHERE p.municipality_id = app_municipality_id() AND p.user_id IN (SELECT u FROM users) AND p.ended_at IS NULL
      AND c.team_id = ANY (app_team_ids())
    UNION ALL
    SELECT a.household_id
    FROM plan_action a
    WHERE a.municipality_id = app_municipality_id() AND a.professional_user_id IN (SELECT u FROM users)
      AND a.removed_at IS NULL AND a.status IN ('planned', 'inProgress')
    UNION ALL
    SELECT d.household_id
    FROM conference_decision d
    WHERE d.municipality_id = app_municipality_id() AND d.assignee_user_id IN (SELECT u FROM users)
      AND d.status = 'open'
  ) x
$$;

-- Conferences a user may see: those of their teams and those they take part in (invited partners).
CREATE OR REPLACE FUNCTION app_conference_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id FROM case_conference c
  WHERE c.municipality_id = app_municipality_id() AND app_role() IN ('professional', 'teamLead')
    AND c.team_id = ANY (app_team_ids())
  UNION
  SELECT p.conference_id FROM conference_participant p
  WHERE p.municipality_id = app_municipality_id() AND p.user_id = app_user_id()
$$;

REVOKE ALL ON FUNCTION app_access_grants(uuid, uuid[], uuid[]), app_refresh_household_access(uuid, uuid[], uuid[]),
  app_rebuild_household_access(), app_access_after_change(), app_mark_emergency_audit() FROM PUBLIC;
REVOKE ALL ON FUNCTION app_has_access(uuid, text), app_household_exists(uuid), app_household_team(uuid),
  app_intake_summaries(uuid[]), app_household_access_log(uuid, uuid),
  app_find_duplicate_residents(text, text, date, text, integer, text), app_worklist_household_ids(uuid[]),
  app_conference_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_has_access(uuid, text), app_household_exists(uuid), app_household_team(uuid),
  app_intake_summaries(uuid[]), app_household_access_log(uuid, uuid),
  app_find_duplicate_residents(text, text, date, text, integer, text), app_worklist_household_ids(uuid[]),
  app_conference_ids() TO wijkwerk_app;

-- The rules above may have changed: make the table agree with them.
SELECT app_rebuild_household_access();
