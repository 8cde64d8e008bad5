import { Algorithm, hash, verify } from "@node-rs/argon2";

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

/** At least 12 characters; the rest is left to a passphrase. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return "Kies een wachtwoord van minstens 12 tekens.";
  if (password.length > 200) return "Kies een wachtwoord van hoogstens 200 tekens.";
  return undefined;
}
