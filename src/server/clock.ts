import { vietnamDate, type IsoDate } from '../domain/dates.ts';

/** Time as the app sees it; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
  /** Today's date in Việt Nam. */
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => vietnamDate(new Date()),
};

export function fixedClock(iso: string): Clock {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    today: () => vietnamDate(new Date(t)),
    // Tests move time with advance().
    ...{ advance: (ms: number) => (t += ms) },
  } as Clock & { advance(ms: number): void };
}
