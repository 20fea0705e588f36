/**
 * Login lockout rules, pure: how many failures lock and for how long. Failures are counted per (name typed, client
 * address), the same for a name that exists and one that does not, and per address whatever the names.
 */
export interface LockoutRules {
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The failures counted so far for a name and address (or an address), with the time of the last one. */
export interface FailureCount {
  failures: number;
  lastFailureAt: Date;
}

/**
 * After a failed attempt: the new failure count and, when it reaches the limit, the lock end (the count restarts).
 * A count whose last failure is older than a lock's length starts again: failures weeks apart lock nothing.
 */
export function afterFailure(prev: FailureCount | undefined, now: Date, rules: LockoutRules): { failures: number; lockedUntil: Date | null } {
  const stale = !prev || now.getTime() - prev.lastFailureAt.getTime() >= rules.lockMinutes * 60000;
  const n = (stale ? 0 : prev.failures) + 1;
  if (n >= rules.maxFailures) return { failures: 0, lockedUntil: new Date(now.getTime() + rules.lockMinutes * 60000) };
  return { failures: n, lockedUntil: null };
}
