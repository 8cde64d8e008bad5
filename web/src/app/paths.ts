/**
 * Addresses the router needs before a page's code is loaded (pages are split per route; the main bundle
 * must not import page modules for their path constants).
 */
export const zrmSettingsPath = "/beheer/zrm";
export const mfaSetupPath = "/account/tweestapsverificatie";
export const priceListPath = "/effectencalculator/prijslijst";
export const publicSignalPath = "/melden";
export const publicDirectoryPath = "/sociale-kaart";
export const directoryPath = "/sociale-kaart-intern";
export const directoryUsagePath = `${directoryPath}/meest-gebruikt`;
export const learningNotesPath = "/leerpunten";
export const conferencesPath = "/casusoverleg";
export const purposesPath = "/beheer/verwerkingsdoelen";
export const exportRequestsPath = "/inzageverzoeken";
export const emergencyReviewsPath = "/noodtoegang/beoordelen";
export const residentAccountsPath = "/inwoneraccounts";
export const portalLoginPath = "/inwoner/inloggen";
export const demoCodesPath = "/inwoner/demo-codes";
export const portalHomePath = "/mijn";
export const portalDeskPath = "/inwonerberichten";
export const frontOfficePath = "/aanvragen";
export const reviewsPath = "/beoordelen";
export const accountPath = "/account";
export const setPasswordPath = "/wachtwoord-instellen";
