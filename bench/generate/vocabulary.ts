/** Word lists for the generated rows, as SQL array literals (plain text, no quotes inside). */
const array = (items: readonly string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(", ")}]`;

export const GIVEN_NAMES = array([
  "Anna", "Mohamed", "Sanne", "Daan", "Fatima", "Lucas", "Emma", "Yusuf", "Noor", "Bram", "Sophie", "Ahmed",
  "Julia", "Mehmet", "Lotte", "Sem", "Aisha", "Thomas", "Eva", "Omar", "Femke", "Kees", "Nadia", "Ruben",
  "Ilse", "Hamza", "Marieke", "Jan", "Zeynep", "Pieter", "Ineke", "Rachid",
]);

export const FAMILY_NAMES = array([
  "de Vries", "Jansen", "El Amrani", "Bakker", "Yilmaz", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
  "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
  "Kaya", "Bouzid", "Öztürk", "van Dijk", "Janssen", "Kok", "Verhoeven", "Sahin", "Koster", "Prins",
]);

export const STREETS = array([
  "Kastanjelaan", "Dorpsstraat", "Molenweg", "Schoolstraat", "Kerkstraat", "Julianalaan", "Beatrixstraat",
  "Lindenlaan", "Esdoornstraat", "Vlierweg", "Zonnebloemstraat", "Merelstraat", "Havikstraat", "Waterlinie",
  "Rijnkade", "Lekdijk", "Boterbloem", "Populierenlaan", "Eikenlaan", "Tulpstraat",
]);

export const ZRM_2017 = array([
  "finances", "workAndEducation", "timeUse", "housing", "domesticRelations", "mentalHealth", "physicalHealth",
  "substanceUse", "basicAdl", "instrumentalAdl", "socialNetwork", "communityParticipation", "justice",
]);
export const SPECIAL = array(["mentalHealth", "physicalHealth", "substanceUse", "addiction", "justice"]);

export const JOURNAL_TEXTS = array([
  "Huisbezoek afgelegd. Mevrouw vertelt dat de post weer geopend wordt; samen de brieven van de energieleverancier doorgenomen.",
  "Telefonisch contact met de inwoner. De afspraak bij de schuldhulp staat voor volgende week; hij gaat zelf.",
  "Overleg met de huisarts (met toestemming): de slaapproblemen nemen af sinds de dagbesteding is gestart.",
  "Gesprek met beide ouders over de rust in huis. Afgesproken dat de oudste zoon twee middagen naar de buurtsport gaat.",
  "Huisbezoek samen met de wijkverpleegkundige. De woning is schoon; de inwoner wil hulp bij de boodschappen via de buurtkamer.",
  "Inwoner belde zelf: de uitkering is aangepast en de huurachterstand wordt afgelost volgens de regeling.",
  "Teamoverleg: de casus besproken, geen nieuwe zorgen. Evaluatie over zes weken.",
  "Samen met de inwoner het formulier voor de bijzondere bijstand ingevuld en verstuurd.",
  "De dochter heeft contact opgenomen; zij neemt de wekelijkse boodschappen over. Netwerk versterkt.",
  "Afspraak niet doorgegaan; inwoner niet thuis. Briefje achtergelaten en later gebeld, nieuwe afspraak gemaakt.",
  "Gesprek op het buurtteamkantoor over werk: de inwoner wil een vrijwilligersplek als opstap naar betaald werk.",
  "Overleg met de woningcorporatie over de overlastmelding; bemiddeling door buurtbemiddeling voorgesteld.",
]);

export const REQUESTS = array([
  "Ik kom er met de rekeningen niet meer uit en de post stapelt zich op.",
  "Sinds mijn man is overleden zie ik bijna niemand meer.",
  "Ons zoontje gaat niet meer naar school en thuis is het vaak onrustig.",
  "Ik wil graag werk, maar weet niet waar ik moet beginnen.",
  "Het lukt me niet meer om het huishouden zelf te doen.",
]);

export const UNDERLYING = array([
  "Schulden door wegvallen van inkomen; schaamte om hulp te vragen.",
  "Eenzaamheid na verlies, weinig netwerk in de buurt.",
  "Spanningen tussen ouders; zorgen om de ontwikkeling van het kind.",
  "Laag zelfvertrouwen na lange werkloosheid.",
  "Lichamelijke achteruitgang; mantelzorger is overbelast.",
]);

export const SIGNAL_CATEGORIES = array([
  "finances", "housing", "domesticRelations", "mentalHealth", "physicalHealth", "addiction", "socialNetwork",
  "nuisance", "pollution", "debtsRentArrears", "loneliness", "childConcern", "justice", "adl",
]);

export const OBSERVATIONS = array([
  "De brievenbus puilt al weken uit en de gordijnen blijven dicht.",
  "Huurachterstand van drie maanden; de huurder reageert niet op brieven.",
  "Meneer lijkt verward en loopt 's nachts op straat.",
  "Veel geluidsoverlast en ruzie, buren maken zich zorgen om de kinderen.",
  "Mevrouw vertelt dat ze niemand meer spreekt sinds haar verhuizing.",
  "Bij de flat staat al dagen grofvuil en er lopen ratten rond.",
]);
