import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: "Wijkwerk",
    label,
    secret: Secret.fromBase32(secret),
    period: PERIOD,
    digits: 6,
  });
}

export async function totpEnrolment(secret: string, label: string) {
  const otpauthUrl = totpFor(secret, label).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", margin: 1 });
  return { secret, otpauthUrl, qrSvg };
}

/**
 * Checks a code against the current time step ±1 and returns the step it matched, or undefined.
 * The caller stores the step and refuses any step at or below it, so a code cannot be used twice.
 */
export function matchTotp(
  secret: string,
  code: string,
  lastStep: number,
  now = Date.now(),
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secret, "x").validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return step > lastStep ? step : undefined;
}
