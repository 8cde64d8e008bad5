-- What every new municipality starts with: the register of processing purposes and the social price list.
-- Repeatable: applied again whenever this file changes (server/src/platform/db/migrate.ts).

CREATE OR REPLACE FUNCTION app_seed_default_purposes(p_municipality_id uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  INSERT INTO processing_purpose (municipality_id, id, code, name, legal_basis, law_article, categories, retention_months,
    retention_from, retention_action, is_default)
  SELECT p_municipality_id, gen_random_uuid(), d.* FROM (VALUES
    ('wmoSupport', 'Maatschappelijke ondersteuning (Wmo)', 'publicTask', 'Wmo 2015 art. 2.3.2 en art. 5.1.1 (gezondheidsgegevens: art. 5.1.1 lid 3)', ARRAY['personalDetails', 'request', 'finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations', 'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork', 'communityParticipation', 'daytimeActivities', 'addiction', 'adl'], 180, 'caseClosed', 'delete', true),
    ('youthSupport', 'Jeugdhulp', 'legalObligation', 'Jeugdwet art. 7.3.8 en art. 7.4.4', ARRAY['personalDetails', 'request', 'finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations', 'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork', 'communityParticipation', 'justice', 'daytimeActivities', 'addiction', 'adl'], 240, 'caseClosed', 'delete', false),
    ('debtCounselling', 'Schuldhulpverlening', 'publicTask', 'Wet gemeentelijke schuldhulpverlening art. 5 en 6', ARRAY['personalDetails', 'request', 'finances', 'housing', 'workAndEducation', 'domesticRelations'], 84, 'caseClosed', 'anonymise', false),
    ('signalTriage', 'Signalen beoordelen (vroegsignalering)', 'publicTask', 'Wmo 2015 art. 2.3.2 lid 1; Wgs art. 3 (vroegsignalering)', ARRAY['personalDetails', 'request', 'finances', 'housing', 'socialNetwork'], 6, 'registered', 'delete', false),
    ('reciprocityMatching', 'Wederkerigheid (vrijwillige inzet koppelen)', 'consent', 'AVG art. 6 lid 1 sub a', ARRAY['personalDetails', 'timeUse', 'socialNetwork', 'communityParticipation', 'daytimeActivities'], 12, 'caseClosed', 'delete', false)
  ) AS d (code, name, legal_basis, law_article, categories, retention_months, retention_from, retention_action, is_default)
  WHERE NOT EXISTS (SELECT 1 FROM processing_purpose p WHERE p.municipality_id = p_municipality_id AND p.code = d.code)
    AND (NOT d.is_default OR NOT EXISTS (SELECT 1 FROM processing_purpose p WHERE p.municipality_id = p_municipality_id AND p.is_default))
$function$;

CREATE OR REPLACE FUNCTION app_seed_purposes_on_new_municipality()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
BEGIN
  PERFORM app_seed_default_purposes(NEW.id);
  RETURN NEW;
END
$function$;

CREATE OR REPLACE FUNCTION app_seed_default_prices(p_municipality_id uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  INSERT INTO social_price (municipality_id, code, item, unit, price, stakeholder, source, year)
  SELECT p_municipality_id, v.code, v.item, v.unit, v.price, v.stakeholder, v.source, v.year
  FROM (VALUES
    ('teamProfessionalHour', 'Uur inzet wijkteamprofessional', 'hour', 80.00, 'municipality',
     'Indicatief: orde van grootte van een integraal uurtarief sociaal werk (Berenschot, Kostprijsberekeningen Sociaal Werk, 2018). Vervang door het eigen contracttarief.', 2024),
    ('volunteerHour', 'Uur inzet vrijwilliger (coördinatie en onkosten)', 'hour', 10.00, 'municipality',
     'Indicatief: schatting Wijkwerk van coördinatie- en onkostenvergoeding per vrijwilligersuur; geen gepubliceerde bron. Vervang door eigen bedrag.', 2024),
    ('eviction', 'Huisuitzetting (procedure, ontruiming, opslag, leegstand)', 'occurrence', 8000.00, 'housingCorporation',
     'Indicatief: orde van grootte uit openbare MKBA''s over preventie van huisuitzetting; niet geverifieerd tegen één bron. Vervang door cijfers van de eigen corporaties.', 2024),
    ('rentArrearsWriteOff', 'Afgeschreven huurachterstand', 'occurrence', 2500.00, 'housingCorporation',
     'Indicatief: schatting Wijkwerk; vervang door het gemiddelde van de eigen corporaties.', 2024),
    ('shelterMonth', 'Maand maatschappelijke opvang', 'month', 3000.00, 'municipality',
     'Indicatief: orde van grootte van een maand verblijf in de maatschappelijke opvang (centrumgemeente); niet geverifieerd. Vervang door het eigen tarief.', 2024),
    ('debtCounsellingTrajectory', 'Schuldhulpverleningstraject', 'occurrence', 3500.00, 'municipality',
     'Indicatief: orde van grootte van een minnelijk traject; vervang door het eigen tarief.', 2024),
    ('assistedLivingMonth', 'Maand ambulante begeleiding (Wmo, maatwerk)', 'month', 900.00, 'municipality',
     'Indicatief: orde van grootte van enkele uren begeleiding per week; vervang door het eigen Wmo-tarief.', 2024),
    ('mentalHealthTreatment', 'GGZ-behandeltraject (basis/specialistisch)', 'occurrence', 4500.00, 'healthInsurer',
     'Indicatief: orde van grootte van een behandeltraject in de Zorgverzekeringswet; niet geverifieerd. Vervang door cijfers van de zorgverzekeraar.', 2024),
    ('crisisIntervention', 'Crisisinterventie (GGZ-crisisdienst)', 'occurrence', 1500.00, 'healthInsurer',
     'Indicatief: schatting Wijkwerk; vervang door cijfers van de zorgverzekeraar.', 2024),
    ('emergencyDepartmentVisit', 'Bezoek spoedeisende hulp', 'occurrence', 300.00, 'healthInsurer',
     'Indicatief: orde van grootte; vervang door cijfers van de zorgverzekeraar.', 2024),
    ('socialAssistanceMonth', 'Maand bijstandsuitkering', 'month', 1300.00, 'municipality',
     'Indicatief: orde van grootte van de bijstandsnorm voor een alleenstaande; controleer de actuele norm (Rijksoverheid).', 2024),
    ('lostIncomeMonth', 'Maand inkomensverlies voor de inwoner', 'month', 400.00, 'resident',
     'Indicatief: schatting Wijkwerk van inkomensverlies (boetes, incassokosten, verlies toeslagen); vervang door een eigen schatting.', 2024)
  ) AS v(code, item, unit, price, stakeholder, source, year)
  ON CONFLICT (municipality_id, code) DO NOTHING
$function$;

CREATE OR REPLACE FUNCTION app_seed_prices_on_new_municipality()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
BEGIN
  PERFORM app_seed_default_prices(NEW.id);
  RETURN NEW;
END
$function$;

REVOKE ALL ON FUNCTION app_seed_default_purposes(p_municipality_id uuid), app_seed_purposes_on_new_municipality(), app_seed_default_prices(p_municipality_id uuid), app_seed_prices_on_new_municipality() FROM PUBLIC;
