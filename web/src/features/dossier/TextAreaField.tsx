/** The shared NL Design System fields (kept here for the imports of the dossier forms). */
export { CheckboxField, TextAreaField } from "../../ui/fields.tsx";
