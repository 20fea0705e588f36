/** Login lockout rules, pure: how many failures lock an account and for how long. */
export interface LockoutRules {
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: the new failure count and, when it reaches the limit, the lock end (the count restarts). */
export function afterFailure(failures: number, now: Date, rules: LockoutRules): { failures: number; lockedUntil: Date | null } {
  const n = failures + 1;
  if (n >= rules.maxFailures) return { failures: 0, lockedUntil: new Date(now.getTime() + rules.lockMinutes * 60000) };
  return { failures: n, lockedUntil: null };
}

/** Minimum password rules: 8 to 200 characters, not the username. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return 'Mật khẩu cần ít nhất 8 ký tự.';
  if (password.length > 200) return 'Mật khẩu không được dài quá 200 ký tự.';
  if (password.toLowerCase() === username.toLowerCase()) return 'Mật khẩu không được trùng tên đăng nhập.';
  return null;
}
