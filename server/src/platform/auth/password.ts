import { Algorithm, hash, verify } from "@node-rs/argon2";
import { guessesLog10, MIN_PASSWORD_GUESSES_LOG10 } from "./strength.ts";

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Without a hash, still spend the same time, so response times do not reveal unknown accounts.
  if (!passwordHash) {
    await hash(password, OPTIONS);
    return false;
  }
  return verify(passwordHash, password);
}

/**
 * ASVS level 2 (V6.2): at least 12 characters, at most 200, no rules about kinds of characters, and not
 * a common or breached password, a dictionary word with digits, a keyboard row or a repeat — checked
 * with zxcvbn-ts and the lists it ships (common passwords, Dutch and English words). userInputs are
 * words of the account itself (username, name), which make a password easy to guess too.
 */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | undefined {
  if ([...password].length < 12) return "Kies een wachtwoord van minstens 12 tekens.";
  if (password.length > 200) return "Kies een wachtwoord van hoogstens 200 tekens.";
  const words = userInputs
    .flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3);
  if (guessesLog10(password, words) < MIN_PASSWORD_GUESSES_LOG10) {
    return "Dit wachtwoord is te makkelijk te raden. Kies bijvoorbeeld een zin van vier of meer gewone woorden.";
  }
  return undefined;
}
