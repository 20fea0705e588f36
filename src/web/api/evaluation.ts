/**
 * TanStack Query hooks of the annual evaluation (domain.md §8), with the contract's types (src/contract/evaluation.ts),
 * kept apart from hooks.ts so the feature reads as one file. Query keys start with 'evaluation'.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  CheckFailureView,
  ConsolidationItem,
  ConsolidationListResponse,
  ConsolidationPatchBody,
  Distribution,
  Grid,
  GridRow,
  LatestResultsResponse,
  Level,
  MemberEntry,
  OpenPeriodBody,
  OrgEntriesBody,
  OrgEntryBody,
  OverrideBody,
  PeriodDetail,
  PeriodListResponse,
  PeriodOrg,
  PeriodRules,
  PeriodSummary,
  PublishBody,
  RatingLabel,
  RecordsQuery,
  ResultRecord,
  ResultRecordsResponse,
  Results,
  SaveOrgsResponse,
  ScoreSheetRules,
  StreaksResponse,
  UpdatedResponse,
  Votes,
} from '../../contract/evaluation.ts';

export type {
  CheckFailureView,
  ConsolidationItem,
  Distribution,
  Grid,
  GridRow,
  Level,
  MemberEntry,
  PeriodDetail,
  PeriodOrg,
  PeriodRules,
  PeriodSummary,
  RatingLabel,
  RecordsQuery,
  ResultRecord,
  Results,
  ScoreSheetRules,
  Votes,
};

const KEY = ['evaluation'] as const;

export function usePeriods() {
  return useQuery({ queryKey: [...KEY, 'periods'], queryFn: ({ signal }) => api.get<PeriodListResponse>('/evaluation/periods', {}, signal) });
}

export function usePeriod(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, 'period', id], queryFn: ({ signal }) => api.get<PeriodDetail>(`/evaluation/periods/${id}`, {}, signal), enabled: !!id });
}

export function useGrid(periodId: string, orgId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'grid', periodId, orgId],
    queryFn: ({ signal }) => api.get<Grid>(`/evaluation/periods/${periodId}/orgs/${orgId}/members`, {}, signal),
    enabled: !!orgId,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useOpenPeriod() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (b: OpenPeriodBody) => api.post<PeriodDetail>('/evaluation/periods', b), onSuccess: inv });
}

export function useSaveMembers(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (items: MemberEntry[]) => api.patch<UpdatedResponse>(`/evaluation/periods/${periodId}/members`, { items }),
    onSuccess: inv,
  });
}

export function useSaveOrg(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: ({ orgId, ...body }: { orgId: string } & OrgEntryBody) => api.patch<PeriodDetail>(`/evaluation/periods/${periodId}/orgs/${orgId}`, body),
    onSuccess: inv,
  });
}

/** Many organisations' ratings in one request, all or nothing, checked as a batch; answers a summary. */
export function useSaveOrgs(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (items: OrgEntriesBody['items']) =>
      api.patch<SaveOrgsResponse>(`/evaluation/periods/${periodId}/orgs`, {
        items,
      }),
    onSuccess: inv,
  });
}

export function useOverride(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: OverrideBody) => api.post<PeriodDetail>(`/evaluation/periods/${periodId}/overrides`, b),
    onSuccess: inv,
  });
}

export function usePublish(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: PublishBody) => api.post<PeriodDetail>(`/evaluation/periods/${periodId}/publish`, b),
    onSuccess: inv,
  });
}

/** Where the results page opens: the organisation (default: the first of the user's subtrees) and its latest published year. */
export function useLatestResults(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'results-latest', orgId ?? null],
    queryFn: ({ signal }) => api.get<LatestResultsResponse>('/evaluation/results/latest', orgId ? { orgId } : {}, signal),
  });
}

export function useResults(q: { orgId?: string | undefined; year: number; fromYear?: number | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'results', q],
    queryFn: ({ signal }) => api.get<Results>('/evaluation/results', { ...q }, signal),
    enabled: !!q.orgId,
    placeholderData: keepPreviousData,
  });
}

export function useResultRecords(q: RecordsQuery | null) {
  return useQuery({
    queryKey: [...KEY, 'records', q],
    queryFn: ({ signal }) => api.get<ResultRecordsResponse>('/evaluation/results/records', { ...q!, pageSize: 20 }, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

export function useStreaks(q: { orgId?: string | undefined; years: number; toYear: number; label?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'streaks', q],
    queryFn: ({ signal }) => api.get<StreaksResponse>('/evaluation/streaks', { ...q }, signal),
    enabled: !!q.orgId,
  });
}

export function useConsolidation(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'consolidation', orgId],
    queryFn: ({ signal }) => api.get<ConsolidationListResponse>('/evaluation/consolidation', { orgId }, signal),
    enabled: !!orgId,
  });
}

export function useUpdateConsolidation() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ConsolidationPatchBody) => api.patch<ConsolidationItem>(`/evaluation/consolidation/${id}`, body),
    onSuccess: inv,
  });
}

export const LEVEL_COLORS: Record<Level, string> = { excellent: 'green', good: 'blue', completed: 'gold', not_completed: 'red' };
