/**
 * Types and TanStack Query hooks of the annual evaluation (domain.md §8), kept apart from hooks.ts/types.ts so the
 * feature reads as one file. Query keys start with 'evaluation'.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type Level = 'excellent' | 'good' | 'completed' | 'not_completed';

export interface RatingLabel {
  code: string;
  label: string;
  level: Level;
}

export interface ScoreSheetRules {
  sections: { code: string; title: string; maxPoints: number; criteria: { code: string; title: string; maxPoints: number }[] }[];
  bands: { level: Level; minScore: number }[];
  excellentMinExceedingShare: number;
}

export interface PeriodRules {
  id: string;
  basis: string;
  scheme: 'score' | 'criteria' | 'legacy';
  labels: { member: RatingLabel[]; org: RatingLabel[] };
  scoreSheet: ScoreSheetRules | null;
}

export interface Distribution {
  total: number;
  levels: { level: Level; label: string; count: number; percent: number }[];
  goodOrBetter: { count: number; percent: number };
}

export interface PeriodSummary {
  id: string;
  year: number;
  kind: string;
  asOf: string;
  status: 'open' | 'published';
  rootOrgId: string | null;
  rootName: string | null;
}

export interface PeriodOrg {
  id: string;
  orgId: string;
  name: string;
  parentId: string | null;
  depth: number;
  isCell: boolean;
  isGrassroots: boolean;
  disciplined: boolean;
  leadershipDisciplined: boolean;
  selfLabel: string | null;
  selfReport: string | null;
  proposedLabel: string | null;
  decidedLabel: string | null;
  finalLevel: Level | null;
  stage: string;
  members: { total: number; lateAdmissions: number; entered: number; cellProposed: number; decided: number; levels: Distribution };
  subordinates: Distribution;
  failing: number;
  /** The stages the user may fill in (the server's rules). */
  can: { self: boolean; propose: boolean; decide: boolean };
}

export interface CheckFailureView {
  code: string;
  title: string;
  orgId: string;
  message: string;
  memberIds: string[];
  orgIds: string[];
  overridden: { reason: string; at: string | null } | null;
}

export interface PeriodDetail {
  period: PeriodSummary & {
    excluded: Record<string, number>;
    openedAt: string | null;
    publishedAt: string | null;
    decisionNo: string | null;
    decisionDate: string | null;
    /** What the user may do on the period (the server's rules). */
    can: { override: boolean; publish: boolean; change: boolean };
  };
  rules: PeriodRules;
  rootMembers: { total: number; entered: number; decided: number } | null;
  orgs: PeriodOrg[];
  failures: CheckFailureView[];
  changes: {
    id: string;
    subject: string;
    evaluationId: string;
    beforeLabel: string | null;
    afterLabel: string;
    decisionNo: string;
    decisionDate: string;
    reason: string;
    at: string | null;
  }[];
}

export interface GridRow {
  id: string;
  memberId: string;
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  lateAdmission: boolean;
  disciplinedInYear: boolean;
  selfLabel: string | null;
  selfTotal: number | null;
  selfScore: { scores: Record<string, number>; allTasksDone: boolean; allTasksOnTime: boolean; exceedingShare: number } | null;
  votes: Votes | null;
  selfDetectedFixed: boolean;
  cellLabel: string | null;
  grassrootsLabel: string | null;
  decidedLabel: string | null;
  currentLabelText: string | null;
  finalLevel: Level | null;
  stage: string;
}

export interface Grid {
  orgId: string;
  orgName: string;
  rules: PeriodRules;
  /** The columns the user may fill in: the cell's (self-assessment, vote, proposal) and the grassroots committee's. */
  can: { cell: boolean; grassroots: boolean };
  items: GridRow[];
  lateAdmissions: GridRow[];
}

export interface Votes {
  officialMembers: number;
  present: number;
  excellent: number;
  good: number;
  completed: number;
  notCompleted: number;
}

export interface MemberEntry {
  memberId: string;
  selfScore?: { scores: Record<string, number>; allTasksDone: boolean; allTasksOnTime: boolean; exceedingShare: number } | null;
  votes?: Votes | null;
  selfDetectedFixed?: boolean;
  selfLabel?: string | null;
  cellLabel?: string | null;
  grassrootsLabel?: string | null;
  decidedLabel?: string | null;
}

export interface Results {
  orgId: string;
  name: string;
  year: number;
  members: Distribution;
  orgs: Distribution;
  children: { orgId: string; name: string; members: Distribution; orgs: Distribution }[];
  span: {
    years: { year: number; members: Distribution; orgs: Distribution }[];
    orgsExcellent: { min: number; max: number } | null;
    membersGoodOrBetter: { min: number; max: number } | null;
  } | null;
}

export interface ConsolidationItem {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  reason: string;
  plan: string | null;
  responsible: string | null;
  deadline: string | null;
  outcome: string | null;
  status: 'open' | 'done';
}

const KEY = ['evaluation'] as const;

export function usePeriods() {
  return useQuery({ queryKey: [...KEY, 'periods'], queryFn: ({ signal }) => api.get<{ items: PeriodSummary[] }>('/evaluation/periods', {}, signal) });
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
  return useMutation({ mutationFn: (b: { rootOrgId: string; year: number }) => api.post<PeriodDetail>('/evaluation/periods', b), onSuccess: inv });
}

export function useSaveMembers(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (items: MemberEntry[]) => api.patch<{ updated: number }>(`/evaluation/periods/${periodId}/members`, { items }),
    onSuccess: inv,
  });
}

export function useSaveOrg(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: ({
      orgId,
      ...body
    }: {
      orgId: string;
      selfLabel?: string | null;
      proposedLabel?: string | null;
      decidedLabel?: string | null;
      disciplined?: boolean;
      leadershipDisciplined?: boolean;
    }) => api.patch<PeriodDetail>(`/evaluation/periods/${periodId}/orgs/${orgId}`, body),
    onSuccess: inv,
  });
}

/** Many organisations' ratings in one request, all or nothing, checked as a batch; answers a summary. */
export function useSaveOrgs(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (items: { orgId: string; selfLabel?: string | null; proposedLabel?: string | null; decidedLabel?: string | null }[]) =>
      api.patch<{ updated: number; stages: Record<'draft' | 'self_assessed' | 'proposed' | 'decided', number> }>(`/evaluation/periods/${periodId}/orgs`, {
        items,
      }),
    onSuccess: inv,
  });
}

export function useOverride(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: { checkCode: string; orgId: string; reason: string }) => api.post<PeriodDetail>(`/evaluation/periods/${periodId}/overrides`, b),
    onSuccess: inv,
  });
}

export function usePublish(periodId: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: { decisionNo: string; decisionDate: string }) => api.post<PeriodDetail>(`/evaluation/periods/${periodId}/publish`, b),
    onSuccess: inv,
  });
}

/** Where the results page opens: the organisation (default: the first of the user's subtrees) and its latest published year. */
export function useLatestResults(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'results-latest', orgId ?? null],
    queryFn: ({ signal }) => api.get<{ orgId: string; name: string; year: number | null }>('/evaluation/results/latest', orgId ? { orgId } : {}, signal),
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

export interface ResultRecord {
  id: string;
  subjectId: string;
  name: string;
  orgId: string | null;
  orgName: string;
  label: string | null;
  labelText: string | null;
}

export interface RecordsQuery {
  orgId: string;
  year: number;
  subject: 'member' | 'org';
  level: Level;
  childId?: string | undefined;
  page: number;
}

export function useResultRecords(q: RecordsQuery | null) {
  return useQuery({
    queryKey: [...KEY, 'records', q],
    queryFn: ({ signal }) => api.get<{ total: number; items: ResultRecord[] }>('/evaluation/results/records', { ...q!, pageSize: 20 }, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

export function useStreaks(q: { orgId?: string | undefined; years: number; toYear: number; label?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'streaks', q],
    queryFn: ({ signal }) =>
      api.get<{ fromYear: number; toYear: number; label: string; labelText: string; byLevel: boolean; items: { orgId: string; name: string }[] }>(
        '/evaluation/streaks',
        { ...q },
        signal,
      ),
    enabled: !!q.orgId,
  });
}

export function useConsolidation(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'consolidation', orgId],
    queryFn: ({ signal }) => api.get<{ items: ConsolidationItem[] }>('/evaluation/consolidation', { orgId }, signal),
    enabled: !!orgId,
  });
}

export function useUpdateConsolidation() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      plan?: string | null;
      responsible?: string | null;
      deadline?: string | null;
      outcome?: string | null;
      status?: 'open' | 'done';
    }) => api.patch<ConsolidationItem>(`/evaluation/consolidation/${id}`, body),
    onSuccess: inv,
  });
}

export const LEVEL_COLORS: Record<Level, string> = { excellent: 'green', good: 'blue', completed: 'gold', not_completed: 'red' };
