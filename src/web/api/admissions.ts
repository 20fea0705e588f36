/**
 * Admissions over the HTTP API: the TanStack Query hooks of /api/admissions/*, with the contract's types
 * (src/contract/admissions.ts) re-exported for the pages. Query keys start with 'admissions'; a recorded step also
 * makes the member lists stale (the ceremony creates a member, the recognition makes him official).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './hooks.ts';
import type {
  CandidateList,
  CandidateListItem,
  CandidateListQuery,
  CreateCandidateBody,
  Denominator,
  Dossier,
  DossierStep,
  ProbationItem,
  ProbationListResponse,
  ProgressRow,
  StepBody,
  TargetProgress,
  WorkItem,
  WorkQueueCountsResponse,
  WorkQueueResponse,
} from '../../contract/admissions.ts';
import type { IsoDate } from '../../contract/common.ts';

export type {
  CandidateList,
  CandidateListItem,
  CandidateListQuery,
  CreateCandidateBody,
  Denominator,
  Dossier,
  DossierStep,
  ProbationItem,
  ProgressRow,
  StepBody,
  TargetProgress,
  WorkItem,
};

const KEY = ['admissions'] as const;

export function useCandidates(query: CandidateListQuery) {
  return useQuery({
    queryKey: [...KEY, 'candidates', query],
    queryFn: ({ signal }) => api.get<CandidateList>('/admissions/candidates', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'dossier', id],
    queryFn: ({ signal }) => api.get<Dossier>(`/admissions/dossiers/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useDenominator(id: string, date: IsoDate | undefined) {
  return useQuery({
    queryKey: [...KEY, 'denominator', id, date],
    queryFn: ({ signal }) => api.get<Denominator>(`/admissions/dossiers/${id}/denominator`, { date }, signal),
    enabled: Boolean(date),
  });
}

export function useProbation() {
  return useQuery({
    queryKey: [...KEY, 'probation'],
    queryFn: ({ signal }) => api.get<ProbationListResponse>('/admissions/probation', undefined, signal),
  });
}

export function useWorkQueue() {
  return useQuery({ queryKey: [...KEY, 'work-queue'], queryFn: ({ signal }) => api.get<WorkQueueResponse>('/admissions/work-queue', undefined, signal) });
}

export function useWorkQueueCounts() {
  return useQuery({
    queryKey: [...KEY, 'work-queue', 'counts'],
    queryFn: ({ signal }) => api.get<WorkQueueCountsResponse>('/admissions/work-queue/counts', undefined, signal),
    staleTime: 60_000,
  });
}

export function useTargets(query: { orgId?: string | undefined; year?: number | undefined; from?: string | undefined; to?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'targets', query],
    queryFn: ({ signal }) => api.get<TargetProgress>('/admissions/targets', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

function useAdmissionMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: KEY }),
        client.invalidateQueries({ queryKey: queryKeys.members }),
        client.invalidateQueries({ queryKey: queryKeys.orgs }),
        client.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
    },
  });
}

export function useCreateCandidate() {
  return useAdmissionMutation((body: CreateCandidateBody) => api.post<Dossier>('/admissions/candidates', body));
}

export function useUpdateCandidate(id: string) {
  return useAdmissionMutation((body: Record<string, unknown>) => api.patch<Dossier>(`/admissions/candidates/${id}`, body));
}

export function useRecordStep(id: string) {
  return useAdmissionMutation((body: StepBody) => api.post<Dossier>(`/admissions/dossiers/${id}/steps`, body));
}

export function useSetTarget() {
  return useAdmissionMutation(({ orgId, ...body }: { orgId: string; year: number; target: number }) =>
    api.put<TargetProgress>(`/admissions/targets/${orgId}`, body),
  );
}
