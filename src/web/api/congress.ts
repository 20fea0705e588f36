/**
 * Terms, committees and congress rounds over the HTTP API: the TanStack Query hooks of /api/congress/*, with the
 * contract's types (src/contract/congress.ts). Query keys start with 'congress'; every write makes them all stale.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  AddSeatBody,
  CommitteeResponse,
  CreateRoundBody,
  CreateTermBody,
  EndSeatBody,
  PrepBody,
  PrepResponse,
  RoundResponse,
  Seat,
  TermListResponse,
} from '../../contract/congress.ts';

export type { CommitteeResponse, PrepResponse, RoundResponse, Seat, TermListResponse };
export type RoundHead = RoundResponse['round'];

const KEY = ['congress'] as const;

export function useTerms(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'terms', orgId],
    queryFn: ({ signal }) => api.get<TermListResponse>('/congress/terms', { orgId: orgId ?? '' }, signal),
    enabled: Boolean(orgId),
  });
}

export function useCommittee(termId: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'committee', termId, asOf],
    queryFn: ({ signal }) => api.get<CommitteeResponse>(`/congress/terms/${termId ?? ''}/committee`, asOf ? { asOf } : undefined, signal),
    enabled: Boolean(termId),
    placeholderData: keepPreviousData,
  });
}

export function useRounds() {
  return useQuery({ queryKey: [...KEY, 'rounds'], queryFn: ({ signal }) => api.get<{ items: RoundHead[] }>('/congress/rounds', undefined, signal) });
}

export function useRound(id: string | undefined, q: { asOf?: string; state: 'all' | 'held' | 'pending'; grassrootsOnly: boolean }) {
  return useQuery({
    queryKey: [...KEY, 'round', id, q],
    queryFn: ({ signal }) =>
      api.get<RoundResponse>(
        `/congress/rounds/${id ?? ''}`,
        { ...(q.asOf ? { asOf: q.asOf } : {}), state: q.state, ...(q.grassrootsOnly ? { grassrootsOnly: 'true' } : {}) },
        signal,
      ),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function usePrep(roundId: string | undefined, orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'prep', roundId, orgId],
    queryFn: ({ signal }) => api.get<PrepResponse>(`/congress/rounds/${roundId ?? ''}/orgs/${orgId ?? ''}`, undefined, signal),
    enabled: Boolean(roundId && orgId),
  });
}

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateTerm = () => useWrite((b: CreateTermBody) => api.post<CommitteeResponse>('/congress/terms', b));
export const useAddSeat = (termId: string) => useWrite((b: AddSeatBody) => api.post<CommitteeResponse>(`/congress/terms/${termId}/seats`, b));
export const useEndSeat = () =>
  useWrite(({ seatId, ...b }: EndSeatBody & { seatId: string }) => api.post<CommitteeResponse>(`/congress/seats/${seatId}/end`, b));
export const useCreateRound = () => useWrite((b: CreateRoundBody) => api.post<RoundResponse>('/congress/rounds', b));
export const useSavePrep = (roundId: string, orgId: string) => useWrite((b: PrepBody) => api.put<PrepResponse>(`/congress/rounds/${roundId}/orgs/${orgId}`, b));
