import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as nl from "@zxcvbn-ts/language-nl-be";

/**
 * Password and secret strength with zxcvbn-ts: the common-password list of breached passwords, Dutch
 * (nl-be) and English dictionaries, keyboard patterns, repeats and sequences, all shipped with the app
 * (no network). Built on first use: the dictionaries take a few hundred milliseconds to index.
 */
let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...nl.dictionary, ...en.dictionary, wijkwerk: WORDS },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** Words anyone would try first against this application. */
const WORDS = ["wijkwerk", "wijkteam", "buurtteam", "gemeente", "utrecht", "welkom", "wachtwoord"];

/** Estimated number of guesses (log10) an attacker needs; userInputs are words of this account. */
export function guessesLog10(value: string, userInputs: readonly string[] = []): number {
  return zxcvbn().check(value, [...userInputs]).guessesLog10;
}

/** zxcvbn score 3: about 10^8 guesses, "safely unguessable" for an online attack that is throttled. */
export const MIN_PASSWORD_GUESSES_LOG10 = 8;
/** A configured secret must be long and random: at least about 100 bits. */
export const MIN_SECRET_GUESSES_LOG10 = 30;
