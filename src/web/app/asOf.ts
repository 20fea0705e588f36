/**
 * The global "Ngày xem" (as-of date): kept in the URL as ?asOf=YYYY-MM-DD so a link shows the same tree, and
 * defaulting to today in Việt Nam. Every read of the tree passes it to the server.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isIsoDate, todayIso } from '../lib/dates.ts';

export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const today = todayIso();
  const asOf = raw && isIsoDate(raw) ? raw : today;
  const setAsOf = useCallback(
    (date: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (date) next.set('asOf', date);
        else next.delete('asOf');
        return next;
      }),
    [setParams],
  );
  return { asOf, isToday: asOf === today, setAsOf };
}

/** Builds in-app links that keep the chosen as-of date. */
export function useAsOfLink(): (path: string) => string {
  const [params] = useSearchParams();
  const raw = params.get('asOf');
  return useCallback((path: string) => (raw && isIsoDate(raw) ? `${path}${path.includes('?') ? '&' : '?'}asOf=${raw}` : path), [raw]);
}
