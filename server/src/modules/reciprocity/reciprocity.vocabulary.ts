import { unprocessable } from "../../platform/http/errors.ts";

/** Kinds of help residents offer and ask for; one list for offers, plan requests and matching. */
export const HELP_TAGS = [
  "companionship",
  "shopping",
  "transport",
  "oddJobs",
  "gardening",
  "administration",
  "language",
  "computer",
  "cooking",
  "childcare",
  "walking",
] as const;
export type HelpTag = (typeof HELP_TAGS)[number];

/** Dutch names, for messages and for finding vacancies in the social map by their text. */
export const HELP_TAG_NAMES: Record<HelpTag, string> = {
  companionship: "gezelschap",
  shopping: "boodschappen",
  transport: "vervoer",
  oddJobs: "klussen",
  gardening: "tuin",
  administration: "administratie",
  language: "taal",
  computer: "computer",
  cooking: "koken",
  childcare: "kinderen",
  walking: "wandelen",
};

export function assertHelpTags(tags: readonly string[], field: string): HelpTag[] {
  for (const tag of tags) {
    if (!(HELP_TAGS as readonly string[]).includes(tag)) {
      throw unprocessable("unknownHelpTag", `"${tag}" is geen soort hulp uit de lijst.`, {
        field,
        tags: HELP_TAGS,
      });
    }
  }
  return [...new Set(tags)] as HelpTag[];
}
