-- GENERATED from server/src/platform/access/rules.ts by `npm run db:generate`. Do not edit:
-- change the declaration and generate again (a test fails when this file is out of date).
-- Repeatable: applied after the numbered migrations and server/sql/functions whenever it changes.

-- Only declared policies exist: every policy is dropped and the declared ones created again.
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
  END LOOP;
END
$$;

-- The groups of levels, for SQL functions that ask one by name (app_has_access).
CREATE OR REPLACE FUNCTION app_access_group(p_group text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_group
    WHEN 'registration' THEN '{frontOffice,read,emergency,edit,caseLead}'::text[]
    WHEN 'dossier' THEN '{read,emergency,edit,caseLead}'::text[]
    WHEN 'registrationWork' THEN '{frontOffice,edit,caseLead}'::text[]
    WHEN 'work' THEN '{edit,caseLead}'::text[]
    WHEN 'share' THEN '{read,edit,caseLead}'::text[]
    WHEN 'frontOffice' THEN '{frontOffice}'::text[]
    WHEN 'caseLead' THEN '{caseLead}'::text[]
    WHEN 'portal' THEN '{resident,representative}'::text[]
    WHEN 'dossierOrPortal' THEN '{read,emergency,edit,caseLead,resident,representative}'::text[]
    WHEN 'registrationOrPortal' THEN '{frontOffice,read,emergency,edit,caseLead,resident,representative}'::text[]
  END
$$;

-- household
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON household FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON household FOR SELECT TO wijkwerk_app USING (household.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household.id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON household FOR INSERT TO wijkwerk_app WITH CHECK (household.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (registered_by_team_id = ANY ((SELECT app_team_ids())::uuid[])) AND (registered_by_user_id = (SELECT app_user_id()))));
CREATE POLICY update ON household FOR UPDATE TO wijkwerk_app USING (household.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household.id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (household.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household.id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON household TO wijkwerk_app;

-- resident
ALTER TABLE resident ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON resident FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON resident FOR SELECT TO wijkwerk_app USING (resident.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident.municipality_id AND m.resident_id = resident.id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON resident FOR INSERT TO wijkwerk_app WITH CHECK (resident.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[])));
CREATE POLICY update ON resident FOR UPDATE TO wijkwerk_app USING (resident.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident.municipality_id AND m.resident_id = resident.id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (resident.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident.municipality_id AND m.resident_id = resident.id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON resident TO wijkwerk_app;

-- household_member
ALTER TABLE household_member ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON household_member FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON household_member FOR SELECT TO wijkwerk_app USING (household_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_member.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON household_member FOR INSERT TO wijkwerk_app WITH CHECK (household_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_member.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON household_member FOR UPDATE TO wijkwerk_app USING (household_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_member.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (household_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_member.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON household_member TO wijkwerk_app;

-- household_merge
ALTER TABLE household_merge ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON household_merge FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON household_merge FOR SELECT TO wijkwerk_app USING (household_merge.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_merge.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_merge.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON household_merge FOR INSERT TO wijkwerk_app WITH CHECK (household_merge.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_merge.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_merge.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON household_merge FOR UPDATE TO wijkwerk_app USING (household_merge.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_merge.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_merge.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (household_merge.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = household_merge.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = household_merge.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON household_merge TO wijkwerk_app;

-- case_file
ALTER TABLE case_file ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_file FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_file FOR SELECT TO wijkwerk_app USING (case_file.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_file.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_file.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_file FOR INSERT TO wijkwerk_app WITH CHECK (case_file.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_file.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_file.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON case_file FOR UPDATE TO wijkwerk_app USING (case_file.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_file.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_file.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (case_file.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_file.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_file.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON case_file TO wijkwerk_app;

-- case_professional
ALTER TABLE case_professional ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_professional FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_professional FOR SELECT TO wijkwerk_app USING (case_professional.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_professional.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_professional.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_professional FOR INSERT TO wijkwerk_app WITH CHECK (case_professional.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_professional.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_professional.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON case_professional FOR UPDATE TO wijkwerk_app USING (case_professional.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_professional.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_professional.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (case_professional.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_professional.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_professional.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON case_professional TO wijkwerk_app;

-- case_lead_handover
ALTER TABLE case_lead_handover ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_lead_handover FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_lead_handover FOR SELECT TO wijkwerk_app USING (case_lead_handover.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_lead_handover.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_lead_handover.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_lead_handover FOR INSERT TO wijkwerk_app WITH CHECK (case_lead_handover.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_lead_handover.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_lead_handover.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON case_lead_handover FOR UPDATE TO wijkwerk_app USING (case_lead_handover.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_lead_handover.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_lead_handover.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (case_lead_handover.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_lead_handover.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_lead_handover.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (household_id) ON case_lead_handover TO wijkwerk_app;

-- case_status_change
ALTER TABLE case_status_change ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_status_change FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_status_change FOR SELECT TO wijkwerk_app USING (case_status_change.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_status_change.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_status_change.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_status_change FOR INSERT TO wijkwerk_app WITH CHECK (case_status_change.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_status_change.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_status_change.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON case_status_change FOR UPDATE TO wijkwerk_app USING (case_status_change.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_status_change.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_status_change.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (case_status_change.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_status_change.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_status_change.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (household_id) ON case_status_change TO wijkwerk_app;

-- case_purpose
ALTER TABLE case_purpose ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_purpose FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_purpose FOR SELECT TO wijkwerk_app USING (case_purpose.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_purpose.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_purpose.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_purpose FOR INSERT TO wijkwerk_app WITH CHECK (case_purpose.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_purpose.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_purpose.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON case_purpose FOR UPDATE TO wijkwerk_app USING (case_purpose.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_purpose.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_purpose.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (case_purpose.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_purpose.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_purpose.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON case_purpose TO wijkwerk_app;

-- consent
ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON consent FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON consent FOR SELECT TO wijkwerk_app USING (consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = consent.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON consent FOR INSERT TO wijkwerk_app WITH CHECK (consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = consent.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON consent FOR UPDATE TO wijkwerk_app USING (consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = consent.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = consent.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON consent TO wijkwerk_app;

-- case_routing
ALTER TABLE case_routing ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_routing FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_routing FOR SELECT TO wijkwerk_app USING (case_routing.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{frontOffice,read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_routing FOR INSERT TO wijkwerk_app WITH CHECK (case_routing.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{frontOffice}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])) AND EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
CREATE POLICY update ON case_routing FOR UPDATE TO wijkwerk_app USING (case_routing.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{frontOffice}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])) AND EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))))
  WITH CHECK (case_routing.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{frontOffice}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])) AND EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_routing.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_routing.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
GRANT SELECT, INSERT, UPDATE ON case_routing TO wijkwerk_app;

-- intake
ALTER TABLE intake ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON intake FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON intake FOR SELECT TO wijkwerk_app USING (intake.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = intake.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = intake.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON intake FOR INSERT TO wijkwerk_app WITH CHECK (intake.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = intake.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = intake.household_id AND a.level = ANY ('{frontOffice,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON intake FOR UPDATE TO wijkwerk_app USING (intake.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = intake.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = intake.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (intake.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = intake.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = intake.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (household_id) ON intake TO wijkwerk_app;

-- assessment
ALTER TABLE assessment ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON assessment FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON assessment FOR SELECT TO wijkwerk_app USING (assessment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON assessment FOR INSERT TO wijkwerk_app WITH CHECK (assessment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON assessment FOR UPDATE TO wijkwerk_app USING (assessment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (assessment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (household_id) ON assessment TO wijkwerk_app;

-- assessment_score
ALTER TABLE assessment_score ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON assessment_score FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON assessment_score FOR SELECT TO wijkwerk_app USING (assessment_score.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment_score.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment_score.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON assessment_score FOR INSERT TO wijkwerk_app WITH CHECK (assessment_score.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment_score.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment_score.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON assessment_score FOR UPDATE TO wijkwerk_app USING (assessment_score.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment_score.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment_score.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (assessment_score.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = assessment_score.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = assessment_score.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (household_id) ON assessment_score TO wijkwerk_app;

-- journal_entry
ALTER TABLE journal_entry ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON journal_entry FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON journal_entry FOR SELECT TO wijkwerk_app USING (journal_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = journal_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = journal_entry.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON journal_entry FOR INSERT TO wijkwerk_app WITH CHECK (journal_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = journal_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = journal_entry.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON journal_entry FOR UPDATE TO wijkwerk_app USING (journal_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = journal_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = journal_entry.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (journal_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = journal_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = journal_entry.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (household_id) ON journal_entry TO wijkwerk_app;

-- resident_correction
ALTER TABLE resident_correction ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON resident_correction FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON resident_correction FOR SELECT TO wijkwerk_app USING (resident_correction.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = resident_correction.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = resident_correction.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON resident_correction FOR INSERT TO wijkwerk_app WITH CHECK (resident_correction.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = resident_correction.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = resident_correction.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON resident_correction FOR UPDATE TO wijkwerk_app USING (resident_correction.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = resident_correction.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = resident_correction.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (resident_correction.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = resident_correction.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = resident_correction.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON resident_correction TO wijkwerk_app;

-- case_closure_plan
ALTER TABLE case_closure_plan ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_closure_plan FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_closure_plan FOR SELECT TO wijkwerk_app USING (case_closure_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_closure_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_closure_plan.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON case_closure_plan FOR INSERT TO wijkwerk_app WITH CHECK (case_closure_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_closure_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_closure_plan.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON case_closure_plan FOR UPDATE TO wijkwerk_app USING (case_closure_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_closure_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_closure_plan.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (case_closure_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = case_closure_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = case_closure_plan.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON case_closure_plan TO wijkwerk_app;

-- case_outcome_summary
ALTER TABLE case_outcome_summary ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_outcome_summary FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_outcome_summary FOR SELECT TO wijkwerk_app USING (case_outcome_summary.municipality_id = (SELECT app_municipality_id())
  AND ((case_id IN (SELECT id FROM case_file))));
GRANT SELECT ON case_outcome_summary TO wijkwerk_app;

-- support_plan
ALTER TABLE support_plan ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON support_plan FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON support_plan FOR SELECT TO wijkwerk_app USING (support_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = support_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = support_plan.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON support_plan FOR INSERT TO wijkwerk_app WITH CHECK (support_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = support_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = support_plan.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON support_plan FOR UPDATE TO wijkwerk_app USING (support_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = support_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = support_plan.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (support_plan.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = support_plan.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = support_plan.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON support_plan TO wijkwerk_app;

-- plan_goal
ALTER TABLE plan_goal ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON plan_goal FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON plan_goal FOR SELECT TO wijkwerk_app USING (plan_goal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_goal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_goal.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON plan_goal FOR INSERT TO wijkwerk_app WITH CHECK (plan_goal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_goal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_goal.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON plan_goal FOR UPDATE TO wijkwerk_app USING (plan_goal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_goal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_goal.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (plan_goal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_goal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_goal.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON plan_goal TO wijkwerk_app;

-- plan_action
ALTER TABLE plan_action ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON plan_action FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON plan_action FOR SELECT TO wijkwerk_app USING (plan_action.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON plan_action FOR INSERT TO wijkwerk_app WITH CHECK (plan_action.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON plan_action FOR UPDATE TO wijkwerk_app USING (plan_action.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (plan_action.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON plan_action TO wijkwerk_app;

-- plan_action_progress
ALTER TABLE plan_action_progress ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON plan_action_progress FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON plan_action_progress FOR SELECT TO wijkwerk_app USING (plan_action_progress.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action_progress.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action_progress.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON plan_action_progress FOR INSERT TO wijkwerk_app WITH CHECK (plan_action_progress.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action_progress.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action_progress.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON plan_action_progress FOR UPDATE TO wijkwerk_app USING (plan_action_progress.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action_progress.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action_progress.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (plan_action_progress.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_action_progress.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_action_progress.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON plan_action_progress TO wijkwerk_app;

-- plan_version
ALTER TABLE plan_version ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON plan_version FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON plan_version FOR SELECT TO wijkwerk_app USING (plan_version.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_version.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_version.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON plan_version FOR INSERT TO wijkwerk_app WITH CHECK (plan_version.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_version.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_version.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON plan_version FOR UPDATE TO wijkwerk_app USING (plan_version.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_version.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_version.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (plan_version.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_version.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_version.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON plan_version TO wijkwerk_app;

-- plan_review
ALTER TABLE plan_review ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON plan_review FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON plan_review FOR SELECT TO wijkwerk_app USING (plan_review.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_review.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_review.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON plan_review FOR INSERT TO wijkwerk_app WITH CHECK (plan_review.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_review.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_review.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON plan_review FOR UPDATE TO wijkwerk_app USING (plan_review.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_review.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_review.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (plan_review.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_review.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_review.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON plan_review TO wijkwerk_app;

-- plan_agreement
ALTER TABLE plan_agreement ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON plan_agreement FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON plan_agreement FOR SELECT TO wijkwerk_app USING (plan_agreement.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_agreement.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_agreement.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON plan_agreement FOR INSERT TO wijkwerk_app WITH CHECK (plan_agreement.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_agreement.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_agreement.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = plan_agreement.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = plan_agreement.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
GRANT SELECT, INSERT ON plan_agreement TO wijkwerk_app;

-- network_member
ALTER TABLE network_member ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON network_member FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON network_member FOR SELECT TO wijkwerk_app USING (network_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = network_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = network_member.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON network_member FOR INSERT TO wijkwerk_app WITH CHECK (network_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = network_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = network_member.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON network_member FOR UPDATE TO wijkwerk_app USING (network_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = network_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = network_member.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (network_member.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = network_member.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = network_member.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON network_member TO wijkwerk_app;

-- impact_entry
ALTER TABLE impact_entry ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON impact_entry FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON impact_entry FOR SELECT TO wijkwerk_app USING (impact_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = impact_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = impact_entry.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON impact_entry FOR INSERT TO wijkwerk_app WITH CHECK (impact_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = impact_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = impact_entry.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON impact_entry FOR UPDATE TO wijkwerk_app USING (impact_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = impact_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = impact_entry.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (impact_entry.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = impact_entry.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = impact_entry.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (removed_at) ON impact_entry TO wijkwerk_app;

-- reciprocity_offer
ALTER TABLE reciprocity_offer ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON reciprocity_offer FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON reciprocity_offer FOR SELECT TO wijkwerk_app USING (reciprocity_offer.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_offer.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_offer.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON reciprocity_offer FOR INSERT TO wijkwerk_app WITH CHECK (reciprocity_offer.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_offer.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_offer.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON reciprocity_offer FOR UPDATE TO wijkwerk_app USING (reciprocity_offer.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_offer.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_offer.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (reciprocity_offer.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_offer.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_offer.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON reciprocity_offer TO wijkwerk_app;

-- reciprocity_consent
ALTER TABLE reciprocity_consent ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON reciprocity_consent FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON reciprocity_consent FOR SELECT TO wijkwerk_app USING (reciprocity_consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_consent.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON reciprocity_consent FOR INSERT TO wijkwerk_app WITH CHECK (reciprocity_consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_consent.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON reciprocity_consent FOR UPDATE TO wijkwerk_app USING (reciprocity_consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_consent.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (reciprocity_consent.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_consent.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_consent.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON reciprocity_consent TO wijkwerk_app;

-- reciprocity_match
ALTER TABLE reciprocity_match ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON reciprocity_match FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON reciprocity_match FOR SELECT TO wijkwerk_app USING (reciprocity_match.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.request_household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
CREATE POLICY insert ON reciprocity_match FOR INSERT TO wijkwerk_app WITH CHECK (reciprocity_match.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.request_household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
CREATE POLICY update ON reciprocity_match FOR UPDATE TO wijkwerk_app USING (reciprocity_match.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.request_household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))))
  WITH CHECK (reciprocity_match.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = reciprocity_match.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = reciprocity_match.request_household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
GRANT SELECT, INSERT, UPDATE ON reciprocity_match TO wijkwerk_app;

-- resident_account
ALTER TABLE resident_account ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON resident_account FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON resident_account FOR SELECT TO wijkwerk_app USING (resident_account.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident_account.municipality_id AND m.resident_id = resident_account.resident_id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR ((user_id = (SELECT app_user_id())))));
CREATE POLICY insert ON resident_account FOR INSERT TO wijkwerk_app WITH CHECK (resident_account.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident_account.municipality_id AND m.resident_id = resident_account.resident_id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON resident_account FOR UPDATE TO wijkwerk_app USING (resident_account.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident_account.municipality_id AND m.resident_id = resident_account.resident_id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (resident_account.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_member m JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id WHERE m.municipality_id = resident_account.municipality_id AND m.resident_id = resident_account.resident_id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON resident_account TO wijkwerk_app;
CREATE POLICY platform_read ON resident_account FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON resident_account TO wijkwerk_service;

-- representation
ALTER TABLE representation ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON representation FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON representation FOR SELECT TO wijkwerk_app USING (representation.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = representation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = representation.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR ((representative_user_id = (SELECT app_user_id())))));
CREATE POLICY insert ON representation FOR INSERT TO wijkwerk_app WITH CHECK (representation.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = representation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = representation.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY update ON representation FOR UPDATE TO wijkwerk_app USING (representation.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = representation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = representation.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (representation.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = representation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = representation.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON representation TO wijkwerk_app;

-- goal_comment
ALTER TABLE goal_comment ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON goal_comment FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON goal_comment FOR SELECT TO wijkwerk_app USING (goal_comment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_comment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_comment.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON goal_comment FOR INSERT TO wijkwerk_app WITH CHECK (goal_comment.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_comment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_comment.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_comment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_comment.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (author_user_id = (SELECT app_user_id())))));
GRANT SELECT, INSERT ON goal_comment TO wijkwerk_app;

-- goal_proposal
ALTER TABLE goal_proposal ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON goal_proposal FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON goal_proposal FOR SELECT TO wijkwerk_app USING (goal_proposal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_proposal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_proposal.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON goal_proposal FOR INSERT TO wijkwerk_app WITH CHECK (goal_proposal.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_proposal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_proposal.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_proposal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_proposal.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (proposed_by_user_id = (SELECT app_user_id())))));
CREATE POLICY update ON goal_proposal FOR UPDATE TO wijkwerk_app USING (goal_proposal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_proposal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_proposal.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (goal_proposal.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = goal_proposal.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = goal_proposal.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE ON goal_proposal TO wijkwerk_app;

-- portal_message
ALTER TABLE portal_message ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON portal_message FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON portal_message FOR SELECT TO wijkwerk_app USING (portal_message.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = portal_message.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = portal_message.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON portal_message FOR INSERT TO wijkwerk_app WITH CHECK (portal_message.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = portal_message.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = portal_message.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = portal_message.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = portal_message.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (author_user_id = (SELECT app_user_id())))));
GRANT SELECT, INSERT ON portal_message TO wijkwerk_app;

-- self_assessment
ALTER TABLE self_assessment ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON self_assessment FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON self_assessment FOR SELECT TO wijkwerk_app USING (self_assessment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = self_assessment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = self_assessment.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON self_assessment FOR INSERT TO wijkwerk_app WITH CHECK (self_assessment.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = self_assessment.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = self_assessment.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (submitted_by_user_id = (SELECT app_user_id()))));
GRANT SELECT, INSERT ON self_assessment TO wijkwerk_app;

-- self_assessment_score
ALTER TABLE self_assessment_score ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON self_assessment_score FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON self_assessment_score FOR SELECT TO wijkwerk_app USING (self_assessment_score.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = self_assessment_score.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = self_assessment_score.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON self_assessment_score FOR INSERT TO wijkwerk_app WITH CHECK (self_assessment_score.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = self_assessment_score.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = self_assessment_score.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT ON self_assessment_score TO wijkwerk_app;

-- satisfaction_invitation
ALTER TABLE satisfaction_invitation ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON satisfaction_invitation FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON satisfaction_invitation FOR SELECT TO wijkwerk_app USING (satisfaction_invitation.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = satisfaction_invitation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = satisfaction_invitation.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON satisfaction_invitation FOR INSERT TO wijkwerk_app WITH CHECK (satisfaction_invitation.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = satisfaction_invitation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = satisfaction_invitation.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = satisfaction_invitation.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = satisfaction_invitation.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
GRANT SELECT, INSERT ON satisfaction_invitation TO wijkwerk_app;

-- satisfaction_response
ALTER TABLE satisfaction_response ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON satisfaction_response FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON satisfaction_response FOR SELECT TO wijkwerk_app USING (satisfaction_response.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'policyOfficer')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))));
CREATE POLICY insert ON satisfaction_response FOR INSERT TO wijkwerk_app WITH CHECK (satisfaction_response.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'resident'));
GRANT SELECT, INSERT ON satisfaction_response TO wijkwerk_app;

-- export_request
ALTER TABLE export_request ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON export_request FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON export_request FOR SELECT TO wijkwerk_app USING (export_request.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_request.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_request.household_id AND a.level = ANY ('{read,emergency,edit,caseLead,resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
CREATE POLICY insert ON export_request FOR INSERT TO wijkwerk_app WITH CHECK (export_request.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_request.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_request.household_id AND a.level = ANY ('{read,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_request.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_request.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (requested_by_user_id = (SELECT app_user_id())))));
CREATE POLICY update ON export_request FOR UPDATE TO wijkwerk_app USING (export_request.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_request.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_request.household_id AND a.level = ANY ('{read,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))
  WITH CHECK (export_request.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_request.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_request.household_id AND a.level = ANY ('{read,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT, UPDATE (status) ON export_request TO wijkwerk_app;

-- export_delivery
ALTER TABLE export_delivery ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON export_delivery FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON export_delivery FOR SELECT TO wijkwerk_app USING (export_delivery.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_delivery.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_delivery.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_delivery.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_delivery.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (requested_by_user_id = (SELECT app_user_id())))));
CREATE POLICY insert ON export_delivery FOR INSERT TO wijkwerk_app WITH CHECK (export_delivery.municipality_id = (SELECT app_municipality_id())
  AND (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = export_delivery.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = export_delivery.household_id AND a.level = ANY ('{read,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT ON export_delivery TO wijkwerk_app;

-- case_lead_profile
ALTER TABLE case_lead_profile ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_lead_profile FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_lead_profile FOR SELECT TO wijkwerk_app USING (case_lead_profile.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[])));
CREATE POLICY insert ON case_lead_profile FOR INSERT TO wijkwerk_app WITH CHECK (case_lead_profile.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (user_id = (SELECT app_user_id()))));
CREATE POLICY update ON case_lead_profile FOR UPDATE TO wijkwerk_app USING (case_lead_profile.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (user_id = (SELECT app_user_id()))))
  WITH CHECK (case_lead_profile.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (user_id = (SELECT app_user_id()))));
GRANT SELECT, INSERT, UPDATE ON case_lead_profile TO wijkwerk_app;

-- portal_setting
ALTER TABLE portal_setting ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON portal_setting FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON portal_setting FOR SELECT TO wijkwerk_app USING (portal_setting.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON portal_setting FOR INSERT TO wijkwerk_app WITH CHECK (portal_setting.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON portal_setting FOR UPDATE TO wijkwerk_app USING (portal_setting.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (portal_setting.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON portal_setting TO wijkwerk_app;

-- document
ALTER TABLE document ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON document FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON document FOR SELECT TO wijkwerk_app USING (document.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (withdrawn_at IS NULL AND confidentiality <> 'caseLead'))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (withdrawn_at IS NULL))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{read,emergency,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())) AND (withdrawn_at IS NULL))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (withdrawn_at IS NULL AND status = 'available' AND confidentiality = 'resident'))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())) AND (withdrawn_at IS NULL))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (withdrawn_by_user_id = (SELECT app_user_id())))));
CREATE POLICY insert ON document FOR INSERT TO wijkwerk_app WITH CHECK (document.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())) AND (source IN ('team', 'planAgreement')))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())) AND ((source = 'portal' AND confidentiality = 'caseLead') OR (source = 'planAgreement' AND confidentiality = 'resident')))));
CREATE POLICY update ON document FOR UPDATE TO wijkwerk_app USING (document.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (confidentiality <> 'caseLead'))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())))))
  WITH CHECK (document.municipality_id = (SELECT app_municipality_id())
  AND ((EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (confidentiality <> 'caseLead'))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = document.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = document.household_id AND a.level = ANY ('{resident,representative}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()) AND (uploaded_by_user_id = (SELECT app_user_id())))));
CREATE POLICY delete ON document FOR DELETE TO wijkwerk_app USING (document.municipality_id = (SELECT app_municipality_id())
  AND ((uploaded_by_user_id = (SELECT app_user_id())) AND (status = 'scanning')));
GRANT SELECT, INSERT, UPDATE (status, scan, media_type, size_bytes, sha256, chunk_count, withdrawn_at, withdrawn_by_user_id, withdrawal_reason), DELETE ON document TO wijkwerk_app;

-- document_chunk
ALTER TABLE document_chunk ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON document_chunk FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON document_chunk FOR SELECT TO wijkwerk_app USING (document_chunk.municipality_id = (SELECT app_municipality_id())
  AND ((document_id IN (SELECT id FROM document))));
CREATE POLICY insert ON document_chunk FOR INSERT TO wijkwerk_app WITH CHECK (document_chunk.municipality_id = (SELECT app_municipality_id())
  AND ((document_id IN (SELECT id FROM document WHERE status = 'scanning' AND uploaded_by_user_id = (SELECT app_user_id())))));
CREATE POLICY delete ON document_chunk FOR DELETE TO wijkwerk_app USING (document_chunk.municipality_id = (SELECT app_municipality_id())
  AND ((document_id IN (SELECT id FROM document WHERE status = 'scanning' AND uploaded_by_user_id = (SELECT app_user_id())))));
GRANT SELECT, INSERT, DELETE ON document_chunk TO wijkwerk_app;

-- document_key
ALTER TABLE document_key ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON document_key FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON document_key FOR SELECT TO wijkwerk_app USING (document_key.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON document_key FOR INSERT TO wijkwerk_app WITH CHECK (document_key.municipality_id = (SELECT app_municipality_id()));
GRANT SELECT, INSERT ON document_key TO wijkwerk_app;

-- document_kind
ALTER TABLE document_kind ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON document_kind FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON document_kind FOR SELECT TO wijkwerk_app USING (document_kind.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON document_kind FOR INSERT TO wijkwerk_app WITH CHECK (document_kind.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON document_kind FOR UPDATE TO wijkwerk_app USING (document_kind.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (document_kind.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON document_kind TO wijkwerk_app;

-- privacy_setting
ALTER TABLE privacy_setting ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON privacy_setting FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON privacy_setting FOR SELECT TO wijkwerk_app USING (privacy_setting.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON privacy_setting FOR INSERT TO wijkwerk_app WITH CHECK (privacy_setting.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON privacy_setting FOR UPDATE TO wijkwerk_app USING (privacy_setting.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (privacy_setting.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON privacy_setting TO wijkwerk_app;

-- processing_purpose
ALTER TABLE processing_purpose ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON processing_purpose FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON processing_purpose FOR SELECT TO wijkwerk_app USING (processing_purpose.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON processing_purpose FOR INSERT TO wijkwerk_app WITH CHECK (processing_purpose.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON processing_purpose FOR UPDATE TO wijkwerk_app USING (processing_purpose.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (processing_purpose.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON processing_purpose TO wijkwerk_app;

-- emergency_access
ALTER TABLE emergency_access ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON emergency_access FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON emergency_access FOR SELECT TO wijkwerk_app USING (emergency_access.municipality_id = (SELECT app_municipality_id())
  AND (((user_id = (SELECT app_user_id())))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))
    OR ((SELECT app_role()) = 'administrator')
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = emergency_access.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = emergency_access.household_id AND a.level = ANY ('{caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
CREATE POLICY insert ON emergency_access FOR INSERT TO wijkwerk_app WITH CHECK (emergency_access.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (user_id = (SELECT app_user_id()))));
CREATE POLICY update ON emergency_access FOR UPDATE TO wijkwerk_app USING (emergency_access.municipality_id = (SELECT app_municipality_id())
  AND (((user_id = (SELECT app_user_id())))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])) AND (reviewer = 'teamLead'))
    OR ((SELECT app_role()) = 'administrator' AND (reviewer = 'administrator'))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = emergency_access.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = emergency_access.household_id AND a.level = ANY ('{caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))))
  WITH CHECK (emergency_access.municipality_id = (SELECT app_municipality_id())
  AND (((user_id = (SELECT app_user_id())))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])) AND (reviewer = 'teamLead'))
    OR ((SELECT app_role()) = 'administrator' AND (reviewer = 'administrator'))
    OR (EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = emergency_access.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = emergency_access.household_id AND a.level = ANY ('{caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now()))));
GRANT SELECT, INSERT, UPDATE ON emergency_access TO wijkwerk_app;

-- retention_run
ALTER TABLE retention_run ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON retention_run FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON retention_run FOR SELECT TO wijkwerk_app USING (retention_run.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT ON retention_run TO wijkwerk_app;

-- retention_log_entry
ALTER TABLE retention_log_entry ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON retention_log_entry FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON retention_log_entry FOR SELECT TO wijkwerk_app USING (retention_log_entry.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT ON retention_log_entry TO wijkwerk_app;

-- legal_hold
ALTER TABLE legal_hold ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON legal_hold FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON legal_hold FOR SELECT TO wijkwerk_app USING (legal_hold.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY insert ON legal_hold FOR INSERT TO wijkwerk_app WITH CHECK (legal_hold.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator' AND (placed_by_user_id = (SELECT app_user_id()))));
CREATE POLICY update ON legal_hold FOR UPDATE TO wijkwerk_app USING (legal_hold.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (legal_hold.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE (released_at, released_by_user_id) ON legal_hold TO wijkwerk_app;

-- household_access
ALTER TABLE household_access ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON household_access FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON household_access FOR SELECT TO wijkwerk_app USING (household_access.municipality_id = (SELECT app_municipality_id())
  AND ((user_id = (SELECT app_user_id()))));
GRANT SELECT ON household_access TO wijkwerk_app;

-- case_conference
ALTER TABLE case_conference ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_conference FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_conference FOR SELECT TO wijkwerk_app USING (case_conference.municipality_id = (SELECT app_municipality_id())
  AND ((id IN (SELECT app_conference_ids()))));
CREATE POLICY insert ON case_conference FOR INSERT TO wijkwerk_app WITH CHECK (case_conference.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[]))));
CREATE POLICY update ON case_conference FOR UPDATE TO wijkwerk_app USING (case_conference.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[]))))
  WITH CHECK (case_conference.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[]))));
GRANT SELECT, INSERT, UPDATE ON case_conference TO wijkwerk_app;

-- conference_participant
ALTER TABLE conference_participant ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON conference_participant FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON conference_participant FOR SELECT TO wijkwerk_app USING (conference_participant.municipality_id = (SELECT app_municipality_id())
  AND ((conference_id IN (SELECT app_conference_ids()))));
CREATE POLICY insert ON conference_participant FOR INSERT TO wijkwerk_app WITH CHECK (conference_participant.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (conference_id IN (SELECT app_conference_ids()))));
GRANT SELECT, INSERT ON conference_participant TO wijkwerk_app;

-- conference_agenda_item
ALTER TABLE conference_agenda_item ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON conference_agenda_item FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON conference_agenda_item FOR SELECT TO wijkwerk_app USING (conference_agenda_item.municipality_id = (SELECT app_municipality_id())
  AND ((conference_id IN (SELECT app_conference_ids()))));
CREATE POLICY insert ON conference_agenda_item FOR INSERT TO wijkwerk_app WITH CHECK (conference_agenda_item.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (conference_id IN (SELECT app_conference_ids())) AND EXISTS (SELECT 1 FROM household_access a WHERE a.municipality_id = conference_agenda_item.municipality_id AND a.user_id = (SELECT app_user_id()) AND a.household_id = conference_agenda_item.household_id AND a.level = ANY ('{read,edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())));
GRANT SELECT, INSERT ON conference_agenda_item TO wijkwerk_app;

-- conference_decision
ALTER TABLE conference_decision ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON conference_decision FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON conference_decision FOR SELECT TO wijkwerk_app USING (conference_decision.municipality_id = (SELECT app_municipality_id())
  AND (((conference_id IN (SELECT app_conference_ids())))
    OR ((assignee_user_id = (SELECT app_user_id())))));
CREATE POLICY insert ON conference_decision FOR INSERT TO wijkwerk_app WITH CHECK (conference_decision.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (conference_id IN (SELECT app_conference_ids()))));
CREATE POLICY update ON conference_decision FOR UPDATE TO wijkwerk_app USING (conference_decision.municipality_id = (SELECT app_municipality_id())
  AND (((conference_id IN (SELECT app_conference_ids())))
    OR ((assignee_user_id = (SELECT app_user_id())))))
  WITH CHECK (conference_decision.municipality_id = (SELECT app_municipality_id())
  AND (((conference_id IN (SELECT app_conference_ids())))
    OR ((assignee_user_id = (SELECT app_user_id())))));
GRANT SELECT, INSERT, UPDATE ON conference_decision TO wijkwerk_app;

-- case_learning_note
ALTER TABLE case_learning_note ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON case_learning_note FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON case_learning_note FOR SELECT TO wijkwerk_app USING (case_learning_note.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead,policyOfficer}'::text[])));
CREATE POLICY insert ON case_learning_note FOR INSERT TO wijkwerk_app WITH CHECK (case_learning_note.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[]))));
GRANT SELECT, INSERT ON case_learning_note TO wijkwerk_app;

-- signal
ALTER TABLE signal ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON signal FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON signal FOR SELECT TO wijkwerk_app USING (signal.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id IS NULL))
    OR ((SELECT app_role()) = 'partner' AND (reporter_user_id = (SELECT app_user_id())))
    OR ((SELECT app_role()) = 'partnerSystem' AND (source = 'api') AND (reporter_organisation_id = (SELECT app_organisation_id())))));
CREATE POLICY insert ON signal FOR INSERT TO wijkwerk_app WITH CHECK (signal.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'partner' AND (source = 'partner') AND (reporter_user_id = (SELECT app_user_id())) AND (triage_state = 'new'))
    OR ((SELECT app_role()) = 'public' AND (source = 'public' AND reporter_user_id IS NULL AND reporter_organisation_id IS NULL) AND (triage_state = 'new'))
    OR ((SELECT app_role()) = 'partnerSystem' AND (source = 'api') AND (reporter_organisation_id = (SELECT app_organisation_id())) AND (triage_state = 'new'))));
CREATE POLICY update ON signal FOR UPDATE TO wijkwerk_app USING (signal.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id IS NULL))))
  WITH CHECK (signal.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))
    OR ((SELECT app_role()) = 'teamLead' AND (team_id IS NULL))));
GRANT SELECT, INSERT, UPDATE ON signal TO wijkwerk_app;

-- signal_contact_attempt
ALTER TABLE signal_contact_attempt ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON signal_contact_attempt FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON signal_contact_attempt FOR SELECT TO wijkwerk_app USING (signal_contact_attempt.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (signal_id IN (SELECT id FROM signal))));
CREATE POLICY insert ON signal_contact_attempt FOR INSERT TO wijkwerk_app WITH CHECK (signal_contact_attempt.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (signal_id IN (SELECT id FROM signal))));
GRANT SELECT, INSERT ON signal_contact_attempt TO wijkwerk_app;

-- signal_meldcode_step
ALTER TABLE signal_meldcode_step ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON signal_meldcode_step FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON signal_meldcode_step FOR SELECT TO wijkwerk_app USING (signal_meldcode_step.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (signal_id IN (SELECT id FROM signal))));
CREATE POLICY insert ON signal_meldcode_step FOR INSERT TO wijkwerk_app WITH CHECK (signal_meldcode_step.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (signal_id IN (SELECT id FROM signal))));
GRANT SELECT, INSERT ON signal_meldcode_step TO wijkwerk_app;

-- signal_settings
ALTER TABLE signal_settings ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON signal_settings FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON signal_settings FOR SELECT TO wijkwerk_app USING (signal_settings.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON signal_settings FOR INSERT TO wijkwerk_app WITH CHECK (signal_settings.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON signal_settings FOR UPDATE TO wijkwerk_app USING (signal_settings.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (signal_settings.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON signal_settings TO wijkwerk_app;

-- signal_routing_rule
ALTER TABLE signal_routing_rule ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON signal_routing_rule FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON signal_routing_rule FOR SELECT TO wijkwerk_app USING (signal_routing_rule.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON signal_routing_rule FOR INSERT TO wijkwerk_app WITH CHECK (signal_routing_rule.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY delete ON signal_routing_rule FOR DELETE TO wijkwerk_app USING (signal_routing_rule.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, DELETE ON signal_routing_rule TO wijkwerk_app;

-- neighbourhood_initiative
ALTER TABLE neighbourhood_initiative ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON neighbourhood_initiative FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON neighbourhood_initiative FOR SELECT TO wijkwerk_app USING (neighbourhood_initiative.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = ANY ('{policyOfficer,administrator}'::text[]))
    OR ((team_id = ANY ((SELECT app_team_ids())::uuid[])))));
CREATE POLICY insert ON neighbourhood_initiative FOR INSERT TO wijkwerk_app WITH CHECK (neighbourhood_initiative.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (team_id = ANY ((SELECT app_team_ids())::uuid[]))));
GRANT SELECT, INSERT ON neighbourhood_initiative TO wijkwerk_app;

-- partner_api_key
ALTER TABLE partner_api_key ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON partner_api_key FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON partner_api_key FOR SELECT TO wijkwerk_app USING (partner_api_key.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'partnerSystem' AND (id = nullif(current_setting('app.api_key_id', true), '')::uuid))));
CREATE POLICY insert ON partner_api_key FOR INSERT TO wijkwerk_app WITH CHECK (partner_api_key.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON partner_api_key FOR UPDATE TO wijkwerk_app USING (partner_api_key.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'partnerSystem' AND (id = nullif(current_setting('app.api_key_id', true), '')::uuid))))
  WITH CHECK (partner_api_key.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'partnerSystem' AND (id = nullif(current_setting('app.api_key_id', true), '')::uuid))));
GRANT SELECT, INSERT, UPDATE ON partner_api_key TO wijkwerk_app;
CREATE POLICY platform_read ON partner_api_key FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON partner_api_key TO wijkwerk_service;

-- directory_entry
ALTER TABLE directory_entry ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON directory_entry FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON directory_entry FOR SELECT TO wijkwerk_app USING (directory_entry.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = ANY ('{administrator,teamLead,professional,policyOfficer}'::text[]))
    OR ((SELECT app_role()) = 'public' AND (is_public AND deactivated_at IS NULL AND (active_from IS NULL OR active_from <= current_date) AND (active_until IS NULL OR active_until >= current_date)))));
CREATE POLICY insert ON directory_entry FOR INSERT TO wijkwerk_app WITH CHECK (directory_entry.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON directory_entry FOR UPDATE TO wijkwerk_app USING (directory_entry.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (directory_entry.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON directory_entry TO wijkwerk_app;
CREATE POLICY platform_read ON directory_entry FOR SELECT TO wijkwerk_service USING (is_public AND deactivated_at IS NULL);
GRANT SELECT ON directory_entry TO wijkwerk_service;

-- directory_suggestion
ALTER TABLE directory_suggestion ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON directory_suggestion FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON directory_suggestion FOR SELECT TO wijkwerk_app USING (directory_suggestion.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((suggested_by = (SELECT app_user_id())))));
CREATE POLICY insert ON directory_suggestion FOR INSERT TO wijkwerk_app WITH CHECK (directory_suggestion.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,teamLead,professional,policyOfficer}'::text[]) AND (suggested_by = (SELECT app_user_id())) AND (status = 'open')));
CREATE POLICY update ON directory_suggestion FOR UPDATE TO wijkwerk_app USING (directory_suggestion.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (directory_suggestion.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON directory_suggestion TO wijkwerk_app;

-- municipality
ALTER TABLE municipality ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON municipality FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON municipality FOR SELECT TO wijkwerk_app USING (municipality.id = (SELECT app_municipality_id()));
CREATE POLICY update ON municipality FOR UPDATE TO wijkwerk_app USING (municipality.id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (municipality.id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, UPDATE (zrm_version) ON municipality TO wijkwerk_app;
CREATE POLICY platform_read ON municipality FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON municipality TO wijkwerk_service;

-- organisation
ALTER TABLE organisation ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON organisation FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON organisation FOR SELECT TO wijkwerk_app USING (organisation.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON organisation FOR INSERT TO wijkwerk_app WITH CHECK (organisation.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON organisation FOR UPDATE TO wijkwerk_app USING (organisation.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (organisation.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON organisation TO wijkwerk_app;
CREATE POLICY platform_read ON organisation FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON organisation TO wijkwerk_service;

-- team
ALTER TABLE team ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON team FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON team FOR SELECT TO wijkwerk_app USING (team.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON team FOR INSERT TO wijkwerk_app WITH CHECK (team.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON team FOR UPDATE TO wijkwerk_app USING (team.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (team.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON team TO wijkwerk_app;
CREATE POLICY platform_read ON team FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON team TO wijkwerk_service;

-- team_membership
ALTER TABLE team_membership ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON team_membership FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON team_membership FOR SELECT TO wijkwerk_app USING (team_membership.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON team_membership FOR INSERT TO wijkwerk_app WITH CHECK (team_membership.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON team_membership FOR UPDATE TO wijkwerk_app USING (team_membership.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (team_membership.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY delete ON team_membership FOR DELETE TO wijkwerk_app USING (team_membership.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE, DELETE ON team_membership TO wijkwerk_app;
CREATE POLICY platform_read ON team_membership FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON team_membership TO wijkwerk_service;

-- app_user
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON app_user FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON app_user FOR SELECT TO wijkwerk_app USING (app_user.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = ANY ('{administrator,teamLead,professional,policyOfficer}'::text[]))
    OR ((id = (SELECT app_user_id())))));
CREATE POLICY insert ON app_user FOR INSERT TO wijkwerk_app WITH CHECK (app_user.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator' AND (role <> 'resident'))
    OR ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (role = 'resident'))));
CREATE POLICY update ON app_user FOR UPDATE TO wijkwerk_app USING (app_user.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator' AND (role <> 'resident'))
    OR ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (role = 'resident') AND (app_user.id IN (SELECT ra.user_id FROM resident_account ra JOIN household_member m ON m.municipality_id = ra.municipality_id AND m.resident_id = ra.resident_id JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))))
  WITH CHECK (app_user.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator' AND (role <> 'resident'))
    OR ((SELECT app_role()) = ANY ('{professional,teamLead}'::text[]) AND (role = 'resident') AND (app_user.id IN (SELECT ra.user_id FROM resident_account ra JOIN household_member m ON m.municipality_id = ra.municipality_id AND m.resident_id = ra.resident_id JOIN household_access a ON a.municipality_id = m.municipality_id AND a.household_id = m.household_id AND a.user_id = (SELECT app_user_id()) AND a.level = ANY ('{edit,caseLead}'::text[]) AND a.valid_from <= now() AND a.valid_until > now())))));
GRANT SELECT, INSERT, UPDATE ON app_user TO wijkwerk_app;
CREATE POLICY platform_read ON app_user FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_update ON app_user FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
GRANT SELECT, UPDATE ON app_user TO wijkwerk_service;

-- area
ALTER TABLE area ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON area FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON area FOR SELECT TO wijkwerk_app USING (area.municipality_id = (SELECT app_municipality_id()));
GRANT SELECT ON area TO wijkwerk_app;

-- area_location
ALTER TABLE area_location ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON area_location FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON area_location FOR SELECT TO wijkwerk_app USING (true);
GRANT SELECT ON area_location TO wijkwerk_app;

-- area_demand_weight
ALTER TABLE area_demand_weight ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON area_demand_weight FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON area_demand_weight FOR SELECT TO wijkwerk_app USING (area_demand_weight.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON area_demand_weight FOR INSERT TO wijkwerk_app WITH CHECK (area_demand_weight.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,policyOfficer}'::text[])));
CREATE POLICY update ON area_demand_weight FOR UPDATE TO wijkwerk_app USING (area_demand_weight.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,policyOfficer}'::text[])))
  WITH CHECK (area_demand_weight.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,policyOfficer}'::text[])));
GRANT SELECT, INSERT, UPDATE ON area_demand_weight TO wijkwerk_app;

-- area_indicator_value
ALTER TABLE area_indicator_value ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON area_indicator_value FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON area_indicator_value FOR SELECT TO wijkwerk_app USING (area_indicator_value.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON area_indicator_value FOR INSERT TO wijkwerk_app WITH CHECK (area_indicator_value.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON area_indicator_value FOR UPDATE TO wijkwerk_app USING (area_indicator_value.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (area_indicator_value.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON area_indicator_value TO wijkwerk_app;

-- cbs_import
ALTER TABLE cbs_import ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON cbs_import FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON cbs_import FOR SELECT TO wijkwerk_app USING (cbs_import.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON cbs_import FOR INSERT TO wijkwerk_app WITH CHECK (cbs_import.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT ON cbs_import TO wijkwerk_app;

-- cbs_region
ALTER TABLE cbs_region ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON cbs_region FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON cbs_region FOR SELECT TO wijkwerk_app USING (cbs_region.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON cbs_region FOR INSERT TO wijkwerk_app WITH CHECK (cbs_region.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON cbs_region FOR UPDATE TO wijkwerk_app USING (cbs_region.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (cbs_region.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON cbs_region TO wijkwerk_app;

-- zrm_level_description
ALTER TABLE zrm_level_description ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON zrm_level_description FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON zrm_level_description FOR SELECT TO wijkwerk_app USING (zrm_level_description.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON zrm_level_description FOR INSERT TO wijkwerk_app WITH CHECK (zrm_level_description.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY update ON zrm_level_description FOR UPDATE TO wijkwerk_app USING (zrm_level_description.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (zrm_level_description.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY delete ON zrm_level_description FOR DELETE TO wijkwerk_app USING (zrm_level_description.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE, DELETE ON zrm_level_description TO wijkwerk_app;

-- social_price
ALTER TABLE social_price ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON social_price FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON social_price FOR SELECT TO wijkwerk_app USING (social_price.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON social_price FOR INSERT TO wijkwerk_app WITH CHECK (social_price.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,policyOfficer}'::text[])));
CREATE POLICY update ON social_price FOR UPDATE TO wijkwerk_app USING (social_price.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,policyOfficer}'::text[])))
  WITH CHECK (social_price.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = ANY ('{administrator,policyOfficer}'::text[])));
GRANT SELECT, INSERT, UPDATE ON social_price TO wijkwerk_app;

-- team_staffing_norm
ALTER TABLE team_staffing_norm ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON team_staffing_norm FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON team_staffing_norm FOR SELECT TO wijkwerk_app USING (team_staffing_norm.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON team_staffing_norm FOR INSERT TO wijkwerk_app WITH CHECK (team_staffing_norm.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))));
CREATE POLICY update ON team_staffing_norm FOR UPDATE TO wijkwerk_app USING (team_staffing_norm.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))))
  WITH CHECK (team_staffing_norm.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))));
GRANT SELECT, INSERT, UPDATE ON team_staffing_norm TO wijkwerk_app;

-- staffing_roster_slot
ALTER TABLE staffing_roster_slot ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON staffing_roster_slot FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON staffing_roster_slot FOR SELECT TO wijkwerk_app USING (staffing_roster_slot.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY insert ON staffing_roster_slot FOR INSERT TO wijkwerk_app WITH CHECK (staffing_roster_slot.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))));
CREATE POLICY delete ON staffing_roster_slot FOR DELETE TO wijkwerk_app USING (staffing_roster_slot.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))));
GRANT SELECT, INSERT, DELETE ON staffing_roster_slot TO wijkwerk_app;

-- audit_event
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON audit_event FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON audit_event FOR SELECT TO wijkwerk_app USING (audit_event.municipality_id = (SELECT app_municipality_id())
  AND (((SELECT app_role()) = 'administrator')
    OR ((SELECT app_role()) = 'teamLead' AND (team_id = ANY ((SELECT app_team_ids())::uuid[])))));
CREATE POLICY insert ON audit_event FOR INSERT TO wijkwerk_app WITH CHECK (audit_event.municipality_id = (SELECT app_municipality_id())
  AND ((actor_user_id IS NOT DISTINCT FROM (SELECT app_user_id()))));
GRANT SELECT, INSERT (municipality_id, action, actor_user_id, actor_role, actor_organisation_id, team_id, resource_type, resource_id, household_id, resident_id, client_ip, reason, details) ON audit_event TO wijkwerk_app;
CREATE POLICY platform_insert ON audit_event FOR INSERT TO wijkwerk_service WITH CHECK (true);
GRANT INSERT (municipality_id, action, actor_user_id, actor_role, actor_organisation_id, team_id, resource_type, resource_id, household_id, resident_id, client_ip, reason, details) ON audit_event TO wijkwerk_service;

-- outbox_message
ALTER TABLE outbox_message ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON outbox_message FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON outbox_message FOR SELECT TO wijkwerk_app USING (outbox_message.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY insert ON outbox_message FOR INSERT TO wijkwerk_app WITH CHECK (outbox_message.municipality_id = (SELECT app_municipality_id()));
CREATE POLICY update ON outbox_message FOR UPDATE TO wijkwerk_app USING (outbox_message.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (outbox_message.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT (municipality_id, id, recipient_user_id, kind, created_at, sent_at, state, attempts, next_attempt_at, claimed_at, last_error, dead_at), INSERT, UPDATE (state, attempts, next_attempt_at, dead_at, last_error) ON outbox_message TO wijkwerk_app;
CREATE POLICY platform_read ON outbox_message FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON outbox_message FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON outbox_message FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE (state, attempts, next_attempt_at, claimed_at, sent_at, last_error, dead_at) ON outbox_message TO wijkwerk_service;

-- reminder
ALTER TABLE reminder ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON reminder FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON reminder FOR SELECT TO wijkwerk_app USING (reminder.municipality_id = (SELECT app_municipality_id())
  AND ((user_id = (SELECT app_user_id()))));
CREATE POLICY update ON reminder FOR UPDATE TO wijkwerk_app USING (reminder.municipality_id = (SELECT app_municipality_id())
  AND ((user_id = (SELECT app_user_id()))))
  WITH CHECK (reminder.municipality_id = (SELECT app_municipality_id())
  AND ((user_id = (SELECT app_user_id()))));
GRANT SELECT, UPDATE (dismissed_at) ON reminder TO wijkwerk_app;

-- job_run
ALTER TABLE job_run ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON job_run FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY platform_read ON job_run FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON job_run FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON job_run FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON job_run TO wijkwerk_service;

-- password_setup_token
ALTER TABLE password_setup_token ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON password_setup_token FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON password_setup_token FOR SELECT TO wijkwerk_app USING (password_setup_token.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY insert ON password_setup_token FOR INSERT TO wijkwerk_app WITH CHECK (password_setup_token.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator' AND (requested_by_user_id = (SELECT app_user_id()))));
CREATE POLICY update ON password_setup_token FOR UPDATE TO wijkwerk_app USING (password_setup_token.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'))
  WITH CHECK (password_setup_token.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT, INSERT, UPDATE ON password_setup_token TO wijkwerk_app;
CREATE POLICY platform_read ON password_setup_token FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON password_setup_token FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON password_setup_token FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON password_setup_token TO wijkwerk_service;

-- mfa_recovery_code
ALTER TABLE mfa_recovery_code ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON mfa_recovery_code FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY read ON mfa_recovery_code FOR SELECT TO wijkwerk_app USING (mfa_recovery_code.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
CREATE POLICY delete ON mfa_recovery_code FOR DELETE TO wijkwerk_app USING (mfa_recovery_code.municipality_id = (SELECT app_municipality_id())
  AND ((SELECT app_role()) = 'administrator'));
GRANT SELECT (municipality_id, user_id), DELETE ON mfa_recovery_code TO wijkwerk_app;
CREATE POLICY platform_read ON mfa_recovery_code FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON mfa_recovery_code FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON mfa_recovery_code FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
CREATE POLICY platform_delete ON mfa_recovery_code FOR DELETE TO wijkwerk_service USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON mfa_recovery_code TO wijkwerk_service;

-- rate_limit_bucket
ALTER TABLE rate_limit_bucket ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON rate_limit_bucket FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY platform_read ON rate_limit_bucket FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON rate_limit_bucket FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON rate_limit_bucket FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
CREATE POLICY platform_delete ON rate_limit_bucket FOR DELETE TO wijkwerk_service USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_bucket TO wijkwerk_service;

-- one_time_code
ALTER TABLE one_time_code ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON one_time_code FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY platform_read ON one_time_code FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON one_time_code FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON one_time_code FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON one_time_code TO wijkwerk_service;

-- session
ALTER TABLE session ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON session FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY platform_read ON session FOR SELECT TO wijkwerk_service USING (true);
CREATE POLICY platform_insert ON session FOR INSERT TO wijkwerk_service WITH CHECK (true);
CREATE POLICY platform_update ON session FOR UPDATE TO wijkwerk_service USING (true)
  WITH CHECK (true);
CREATE POLICY platform_delete ON session FOR DELETE TO wijkwerk_service USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON session TO wijkwerk_service;

-- audit_chain_head
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON audit_chain_head FROM wijkwerk_app, wijkwerk_service;

-- schema_migration
ALTER TABLE schema_migration ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON schema_migration FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY platform_read ON schema_migration FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON schema_migration TO wijkwerk_service;

-- schema_repeatable
ALTER TABLE schema_repeatable ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON schema_repeatable FROM wijkwerk_app, wijkwerk_service;
CREATE POLICY platform_read ON schema_repeatable FOR SELECT TO wijkwerk_service USING (true);
GRANT SELECT ON schema_repeatable TO wijkwerk_service;
