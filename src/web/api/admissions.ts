/**
 * Admissions over the HTTP API: the types of /api/admissions/* and their TanStack Query hooks, kept beside the rest of
 * the client (types.ts, hooks.ts) in a file of their own. Query keys start with 'admissions'; a recorded step also
 * makes the member lists stale (the ceremony creates a member, the recognition makes him official).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './hooks.ts';
import type { IsoDate } from '../../contract/common.ts';

export interface DossierStep {
  id: string;
  seq: number;
  kind: string;
  label: string;
  date: IsoDate;
  decisionNo: string | null;
  data: Record<string, unknown>;
  documents: unknown[];
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
  overrides: { checkCode: string; message: string; reason: string; by: string | null; at: string }[];
}

export interface Dossier {
  id: string;
  candidate: { id: string; fields: Record<string, unknown> & { fullName: string }; formerMemberId: string | null; helper: { id: string; name: string } | null };
  org: { id: string; name: string };
  openedOn: IsoDate;
  listingResolutionNo: string | null;
  ruleSet: { id: string; basis: string };
  readmission: boolean;
  stage: string;
  stageLabel: string;
  status: 'open' | 'probation' | 'official' | 'closed';
  memberId: string | null;
  dates: {
    certificateValidUntil: IsoDate | null;
    ceremonyDueOn: IsoDate | null;
    ceremonyOn: IsoDate | null;
    probationEndsOn: IsoDate | null;
    recognitionDueOn: IsoDate | null;
    officialOn: IsoDate | null;
  };
  steps: DossierStep[];
  nextSteps: string[];
  canEdit: boolean;
  canOverride: boolean;
}

export interface CandidateListItem {
  candidateId: string;
  dossierId: string;
  fullName: string;
  gender: string;
  birthDate: IsoDate | null;
  orgId: string;
  orgName: string;
  openedOn: IsoDate;
  stage: string;
  stageLabel: string;
  status: string;
  memberId: string | null;
  readmission: boolean;
}

export interface CandidateList {
  items: CandidateListItem[];
  total: number;
  stages: { stage: string; label: string; count: number }[];
}

export interface CandidateListQuery {
  q?: string | undefined;
  orgId?: string | undefined;
  stage?: string | undefined;
  status?: string | undefined;
  page?: number;
  pageSize?: number;
}

export interface CreateCandidateBody {
  orgId: string;
  fullName: string;
  gender: 'nam' | 'nu';
  birthDate?: IsoDate | null;
  generalEducation?: string | null;
  listedOn: IsoDate;
  listingResolutionNo?: string | null;
  helperMemberId?: string | null;
}

export type StepBody = { kind: string; date: IsoDate; override?: { checks: string[]; reason: string } } & Record<string, unknown>;

export interface Denominator {
  date: IsoDate;
  officialMembers: number;
  excluded: { memberId: string; name: string; reason: string; label: string }[];
  denominator: number;
  members: { memberId: string; name: string; status: string; official: boolean }[];
}

export interface ProbationItem {
  dossierId: string;
  memberId: string | null;
  fullName: string;
  orgId: string;
  orgName: string;
  ceremonyOn: IsoDate | null;
  probationEndsOn: IsoDate | null;
  recognitionDueOn: IsoDate | null;
  stage: string;
  stageLabel: string;
  votes: number;
}

export interface WorkItem {
  kind: 'ceremony_due' | 'probation_ending' | 'recognition_due' | 'certificate_expiring' | 'member_form_due';
  label: string;
  late: boolean;
  dueOn: IsoDate;
  dossierId: string;
  fullName: string;
  orgId: string;
  orgName: string;
}

export interface ProgressRow {
  orgId: string;
  name: string;
  target: number | null;
  admitted: number;
  progress: number | null;
  inPipeline: number;
  canSet: boolean;
}

export interface TargetProgress {
  from: IsoDate;
  to: IsoDate;
  years: number[];
  org: ProgressRow;
  children: ProgressRow[];
  childrenTargetSum: number;
}

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
    queryFn: ({ signal }) => api.get<{ items: ProbationItem[] }>('/admissions/probation', undefined, signal),
  });
}

export function useWorkQueue() {
  return useQuery({ queryKey: [...KEY, 'work-queue'], queryFn: ({ signal }) => api.get<{ items: WorkItem[] }>('/admissions/work-queue', undefined, signal) });
}

export function useWorkQueueCounts() {
  return useQuery({
    queryKey: [...KEY, 'work-queue', 'counts'],
    queryFn: ({ signal }) => api.get<{ total: number; late: number; byKind: Record<string, number> }>('/admissions/work-queue/counts', undefined, signal),
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
