import type { DelayPolicy, WindowLimit } from "./throttle.ts";

/**
 * How password logins are throttled (issue 18). A stranger who knows a username cannot lock its owner
 * out: failures slow down only the pair of that account and the stranger's address. The account as a
 * whole locks only far above that, and everyone — also the owner — is told.
 * Unknown usernames get exactly the same buckets, answers and delays, so nothing reveals which exist.
 */

/** Per account and client address: 4 free failures, then 2 s, 4 s, 8 s … up to 15 minutes. */
export const ACCOUNT_ADDRESS: DelayPolicy = {
  name: "login:account+address",
  free: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

/** Per client address over all accounts (password spraying): 50 failures per 15 minutes. */
export const ADDRESS: WindowLimit = { name: "login:address", limit: 50, windowMs: 15 * 60_000 };

/** Per account over all addresses: the lock, only at 100 failures within an hour; it lasts an hour. */
export const ACCOUNT: WindowLimit = { name: "login:account", limit: 100, windowMs: 60 * 60_000 };
export const ACCOUNT_LOCK_MINUTES = 60;

/** Second-factor codes per account, across sessions and logins: 5 free, then doubling from 2 s. */
export const SECOND_FACTOR: DelayPolicy = {
  name: "mfa:account",
  free: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 30 * 60_000,
  windowMs: 24 * 60 * 60_000,
};
/** At this many wrong codes the account holder is told their password is known to someone. */
export const SECOND_FACTOR_NOTICE_AT = 5;

/** Re-authentication for account changes (password + code): per account, like a login. */
export const REAUTHENTICATION: DelayPolicy = {
  name: "reauth:account",
  free: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

/** Opening and using set-password links, per client address. */
export const PASSWORD_SETUP: WindowLimit = {
  name: "password-setup:address",
  limit: 20,
  windowMs: 15 * 60_000,
};
