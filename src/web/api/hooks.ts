/**
 * TanStack Query hooks over the HTTP API. Query keys start with the resource ('orgs', 'users', 'members', 'transfers',
 * 'badges', 'audit', 'meta', 'me') so a change can invalidate everything it may have touched with one prefix.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, ApiError, request, setCsrfToken, uploadFile } from './client.ts';
import type { AuditListResponse, AuditQuery } from '../../contract/audit.ts';
import type { AuthSession, ChangePasswordBody, LoginBody } from '../../contract/auth.ts';
import type { CalendarYear } from '../../contract/calendar.ts';
import type { MemberDocument, MemberDocumentList, UploadFieldsBody } from '../../contract/member-documents.ts';
import type { ImportView } from '../../contract/member-import.ts';
import type { MemberRecord, MemberRecordBody, RecordListResponse, SensitiveRecordKind } from '../../contract/member-records.ts';
import type {
  BadgeAwardBody,
  BadgeList,
  BadgeListQuery,
  BadgeStandingBody,
  Catalogues,
  CreateMemberBody,
  DisciplineBody,
  IncomingTransfer,
  IncomingTransfersResponse,
  MemberEventBody,
  MemberFile,
  MemberListQuery,
  MemberListResponse,
  RevealCccdResult,
  UpdateMemberBody,
} from '../../contract/members.ts';
import type {
  CreateOrgBody,
  DestinationResponse,
  DissolveOrgBody,
  MoveOrgBody,
  OrgDetail,
  OrgHistoryResponse,
  OrgKind,
  OrgListResponse,
  OrgPageResponse,
  OrgPermissions,
  OrgSearchResponse,
  OrgTreeResponse,
  ReclassifyOrgBody,
  RenameOrgBody,
  ReorgApplyResult,
  ReorgInput,
  ReorgPreview,
  SectorType,
} from '../../contract/orgs.ts';
import type { AddRoleBody, CreateUserBody, ResetPasswordBody, UpdateUserBody, User, UserListQuery, UserListResponse } from '../../contract/users.ts';

/** A dossier document to upload: the file and the form's fields (the multipart fields of the upload route). */
export type DocumentUploadInput = UploadFieldsBody & { file: File };

export const queryKeys = {
  me: ['me'] as const,
  orgs: ['orgs'] as const,
  users: ['users'] as const,
  members: ['members'] as const,
  transfers: ['transfers'] as const,
  badges: ['badges'] as const,
  audit: ['audit'] as const,
  calendar: ['calendar'] as const,
};

// ---------------------------------------------------------------------------------------------------------------
// Session

/** The signed-in session, or null when there is none (the probe itself never redirects). */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<AuthSession | null> => {
    try {
      const session = await request<AuthSession>('GET', '/auth/me', { skipAuthRedirect: true });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export function useLogin() {
  return useMutation({ mutationFn: (body: LoginBody) => api.post<AuthSession>('/auth/login', body) });
}

export function useLogout() {
  return useMutation({ mutationFn: () => api.post<void>('/auth/logout') });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordBody) => api.post<void>('/auth/change-password', body) });
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogues

export function useOrgKinds() {
  return useQuery({
    queryKey: ['meta', 'org-kinds'],
    queryFn: () => api.get<OrgKind[]>('/meta/org-kinds'),
    staleTime: Infinity,
  });
}

/** The kind codes of cells (chi bộ cơ sở, chi bộ trực thuộc): where members are on the roll. Undefined while loading. */
export function useCellKindCodes(): Set<string> | undefined {
  const kinds = useOrgKinds();
  return useMemo(() => (kinds.data ? new Set(kinds.data.filter((k) => k.isCell).map((k) => k.code)) : undefined), [kinds.data]);
}

export function useSectorTypes() {
  return useQuery({
    queryKey: ['meta', 'sector-types'],
    queryFn: () => api.get<SectorType[]>('/meta/sector-types'),
    staleTime: Infinity,
  });
}

/** The member file's catalogues (dân tộc, tôn giáo, trình độ…), code → name. */
export function useCatalogues() {
  return useQuery({
    queryKey: ['meta', 'catalogues'],
    queryFn: ({ signal }) => api.get<Catalogues>('/meta/catalogues', undefined, signal),
    staleTime: Infinity,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

export const orgRootsQuery = (asOf: string) =>
  queryOptions({
    queryKey: ['orgs', 'roots', asOf],
    queryFn: ({ signal }) => api.get<OrgListResponse>('/orgs/roots', { asOf }, signal),
  });

export const orgChildrenQuery = (id: string, asOf: string) =>
  queryOptions({
    queryKey: ['orgs', 'children', id, asOf],
    queryFn: ({ signal }) => api.get<OrgListResponse>(`/orgs/${id}/children`, { asOf }, signal),
  });

export const orgDetailQuery = (id: string, asOf: string) =>
  queryOptions({
    queryKey: ['orgs', 'detail', id, asOf],
    queryFn: ({ signal }) => api.get<OrgDetail>(`/orgs/${id}`, { asOf }, signal),
  });

/** The organisation page in one request (issue 13): the detail, the sub-organisations and their counts. */
export const orgPageQuery = (id: string, asOf: string) =>
  queryOptions({
    queryKey: ['orgs', 'page', id, asOf],
    queryFn: ({ signal }) => api.get<OrgPageResponse>(`/orgs/${id}/page`, { asOf }, signal),
  });

export function useOrgPage(id: string, asOf: string) {
  return useQuery(orgPageQuery(id, asOf));
}

export function useOrgRoots(asOf: string) {
  return useQuery(orgRootsQuery(asOf));
}

export function useOrgChildren(id: string, asOf: string) {
  return useQuery(orgChildrenQuery(id, asOf));
}

export function useOrg(id: string | undefined, asOf: string) {
  return useQuery({ ...orgDetailQuery(id ?? '', asOf), enabled: Boolean(id) });
}

/** What the user may do on the organisation; under the 'orgs' prefix so a tree change refreshes it. */
export function useOrgPermissions(id: string | undefined) {
  return useQuery({
    queryKey: ['orgs', 'permissions', id],
    queryFn: ({ signal }) => api.get<OrgPermissions>(`/orgs/${id ?? ''}/permissions`, {}, signal),
    enabled: Boolean(id),
  });
}

/** The whole subtree of an organisation, flat (parents before children). */
export function useOrgTree(id: string | undefined, asOf: string) {
  return useQuery({
    queryKey: ['orgs', 'tree', id, asOf],
    queryFn: ({ signal }) => api.get<OrgTreeResponse>(`/orgs/${id ?? ''}/tree`, { asOf }, signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

export function useOrgHistory(id: string) {
  return useQuery({
    queryKey: ['orgs', 'history', id],
    queryFn: ({ signal }) => api.get<OrgHistoryResponse>(`/orgs/${id}/history`, undefined, signal),
  });
}

/** Accent-insensitive search; runs only from 2 characters, as the server requires. */
/** Transfer destinations by name over today's whole tree (names and path only outside the user's scope). */
export function useDestinationSearch(q: string, limit = 20) {
  const text = q.trim();
  return useQuery({
    queryKey: ['orgs', 'destinations', text, limit],
    queryFn: ({ signal }) => api.get<DestinationResponse>('/orgs/destinations', { q: text, limit }, signal),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useOrgSearch(q: string, asOf: string, limit = 20) {
  const text = q.trim();
  return useQuery({
    queryKey: ['orgs', 'search', text, asOf, limit],
    queryFn: ({ signal }) => api.get<OrgSearchResponse>('/orgs/search', { q: text, asOf, limit }, signal),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function useOrgMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: queryKeys.orgs }), client.invalidateQueries({ queryKey: queryKeys.audit })]);
    },
  });
}

export function useCreateOrg() {
  return useOrgMutation((body: CreateOrgBody) => api.post<OrgDetail>('/orgs', body));
}

export function useRenameOrg(id: string) {
  return useOrgMutation((body: RenameOrgBody) => api.post<OrgDetail>(`/orgs/${id}/rename`, body));
}

export function useReclassifyOrg(id: string) {
  return useOrgMutation((body: ReclassifyOrgBody) => api.post<OrgDetail>(`/orgs/${id}/reclassify`, body));
}

export function useMoveOrg(id: string) {
  return useOrgMutation((body: MoveOrgBody) => api.post<OrgDetail>(`/orgs/${id}/move`, body));
}

export function useDissolveOrg(id: string) {
  return useOrgMutation((body: DissolveOrgBody) => api.post<OrgDetail>(`/orgs/${id}/dissolve`, body));
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk reorganisation

export function usePreviewReorg() {
  return useMutation({
    mutationFn: (input: ReorgInput) => api.post<ReorgPreview>('/reorganizations/preview', input),
  });
}

export function useApplyReorg() {
  return useOrgMutation((input: ReorgInput) => api.post<ReorgApplyResult>('/reorganizations/apply', input));
}

// ---------------------------------------------------------------------------------------------------------------
// Users and roles

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: ({ signal }) => api.get<UserListResponse>('/users', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api.get<User>(`/users/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useUserMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      if (isUser(result)) client.setQueryData(['users', 'detail', result.id], result);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.users }),
        client.invalidateQueries({ queryKey: queryKeys.audit }),
        client.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
    },
  });
}

function isUser(value: unknown): value is User {
  return typeof value === 'object' && value !== null && 'username' in value && 'id' in value;
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => api.post<User>('/users', body));
}

export function useUpdateUser(id: string) {
  return useUserMutation((body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body));
}

export function useResetPassword(id: string) {
  return useUserMutation((body: ResetPasswordBody) => api.post<void>(`/users/${id}/reset-password`, body));
}

export function useAddRole(id: string) {
  return useUserMutation((body: AddRoleBody) => api.post<User>(`/users/${id}/roles`, body));
}

export function useRemoveRole(id: string) {
  return useUserMutation((assignmentId: string) => api.delete<User>(`/users/${id}/roles/${assignmentId}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Members

export function useMembers(query: MemberListQuery) {
  return useQuery({
    queryKey: ['members', 'list', query],
    queryFn: ({ signal }) => api.get<MemberListResponse>('/members', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | undefined) {
  return useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: ({ signal }) => api.get<MemberFile>(`/members/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/**
 * `countsChange`: the organisations' member counts move too (a new member, a transfer, a member leaving), so their
 * queries go stale. The incoming transfers and the badge lists follow from the same records: they go stale on
 * every change of a member.
 */
function useMemberMutation<TVars>(mutationFn: (vars: TVars) => Promise<MemberFile>, countsChange = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (file) => {
      client.setQueryData(['members', 'detail', file.id], file);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['members', 'list'] }),
        client.invalidateQueries({ queryKey: queryKeys.transfers }),
        client.invalidateQueries({ queryKey: queryKeys.badges }),
        client.invalidateQueries({ queryKey: queryKeys.audit }),
        countsChange ? client.invalidateQueries({ queryKey: queryKeys.orgs }) : undefined,
      ]);
    },
  });
}

export function useCreateMember() {
  return useMemberMutation((body: CreateMemberBody) => api.post<MemberFile>('/members', body), true);
}

export function useUpdateMember(id: string) {
  return useMemberMutation((body: UpdateMemberBody) => api.patch<MemberFile>(`/members/${id}`, body));
}

/** Records a life event (biến động); the answer is the file as it now stands. */
export function useRecordMemberEvent(id: string) {
  return useMemberMutation((body: MemberEventBody) => api.post<MemberFile>(`/members/${id}/events`, body), true);
}

/**
 * The receiving organisation confirms an arrival: the member is not in its scope until then, so the member's id
 * travels with the body rather than in the hook.
 */
export function useConfirmTransfer() {
  return useMemberMutation(
    ({ memberId, body }: { memberId: string; body: MemberEventBody & { kind: 'transfer_in_confirmed' } }) =>
      api.post<MemberFile>(`/members/${memberId}/events`, body),
    true,
  );
}

export function useAddDiscipline(id: string) {
  return useMemberMutation((body: DisciplineBody) => api.post<MemberFile>(`/members/${id}/disciplines`, body));
}

export function useAwardBadge(id: string) {
  return useMemberMutation((body: BadgeAwardBody) => api.post<MemberFile>(`/members/${id}/badges`, body));
}

/** Records serious illness and the posthumous proposal (what the badge rules read besides the history). */
export function useSetBadgeStanding(id: string) {
  return useMemberMutation((body: BadgeStandingBody) => api.put<MemberFile>(`/members/${id}/badge-standing`, body));
}

/**
 * Members in transit towards the caller's organisations: the arrivals to confirm. The server answers one row per
 * departure ever recorded for a member now in transit, so a member transferred before shows his earlier, completed
 * transfer too; only the latest departure (the rows come oldest first) is the open one the server will confirm.
 */
export function useIncomingTransfers(enabled = true) {
  return useQuery({
    queryKey: ['transfers', 'incoming'],
    queryFn: ({ signal }) => api.get<IncomingTransfersResponse>('/transfers/incoming', undefined, signal),
    select: (data): IncomingTransfersResponse => {
      const latest = new Map<string, IncomingTransfer>();
      for (const t of data.items) {
        const seen = latest.get(t.memberId);
        if (!seen || t.startedOn >= seen.startedOn) latest.set(t.memberId, t);
      }
      return { items: data.items.filter((t) => latest.get(t.memberId) === t) };
    },
    enabled,
  });
}

/** Who is due a party badge at an anniversary, and who reached a milestone and never received it. */
export function useBadgeList(query: BadgeListQuery, enabled = true) {
  return useQuery({
    queryKey: ['badges', query],
    queryFn: ({ signal }) => api.get<BadgeList>('/badges', { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Asks for the full CCCD; the server records every reveal. The answer is not cached: it stays with the caller. */
export function useRevealCccd(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RevealCccdResult>(`/members/${id}/reveal-cccd`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.audit }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Member sub-records

/** The open sub-records of a member (work, training, trips, commendations); family and political history never come here. */
export function useMemberRecords(memberId: string) {
  return useQuery({
    queryKey: ['members', 'records', memberId],
    queryFn: ({ signal }) => api.get<RecordListResponse>(`/members/${memberId}/records`, undefined, signal),
  });
}

/** Asks for one sensitive kind; the server records every reading. The answer is not cached: it stays with the caller. */
export function useRevealMemberRecords(memberId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: SensitiveRecordKind) => api.post<RecordListResponse>(`/members/${memberId}/records/reveal`, { kind }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.audit }),
  });
}

/** Adds (no `recordId`) or corrects a sub-record; the answer is the record as stored. */
export function useSaveMemberRecord(memberId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, body }: { recordId?: string; body: MemberRecordBody }) =>
      recordId ? api.patch<MemberRecord>(`/members/${memberId}/records/${recordId}`, body) : api.post<MemberRecord>(`/members/${memberId}/records`, body),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['members', 'records', memberId] }), client.invalidateQueries({ queryKey: queryKeys.audit })]),
  });
}

export function useDeleteMemberRecord(memberId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (recordId: string) => api.delete<void>(`/members/${memberId}/records/${recordId}`),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['members', 'records', memberId] }), client.invalidateQueries({ queryKey: queryKeys.audit })]),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Member import

/** Uploads a spreadsheet and answers its preview; nothing of the member file is written. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ file, importId }: { file: File; importId: string }) => uploadFile<ImportView>('/members/import/preview', file, file.name, { importId }),
  });
}

/**
 * The progress of an import being read and checked, polled while `enabled`. Until the server has registered the
 * upload the id is unknown (404): that reads as "not started yet" (null), not as an error.
 */
export function useImportProgress(importId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'import', importId, 'progress'],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ImportView>(`/members/import/${importId}`, { limit: 1 }, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled: enabled && importId !== null,
    refetchInterval: enabled ? 400 : false,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Writes a previewed import (all or nothing); members, organisation counts and the audit change. */
export function useCommitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => api.post<ImportView>(`/members/import/${importId}/commit`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.members }),
        client.invalidateQueries({ queryKey: queryKeys.orgs }),
        client.invalidateQueries({ queryKey: queryKeys.audit }),
      ]),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Audit

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<AuditListResponse>('/audit', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Member dossier

/** The documents of a member's dossier, each with its versions. */
export function useMemberDocuments(memberId: string) {
  return useQuery({
    queryKey: ['members', 'documents', memberId],
    queryFn: ({ signal }) => api.get<MemberDocumentList>(`/members/${memberId}/documents`, undefined, signal),
  });
}

/** Uploads a document, or the next version of one (same type and title); the list and the audit go stale. */
export function useUploadDocument(memberId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...fields }: DocumentUploadInput) =>
      uploadFile<MemberDocument>(`/members/${memberId}/documents`, file, file.name, undefined, undefined, fields),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['members', 'documents', memberId] }), client.invalidateQueries({ queryKey: queryKeys.audit })]),
  });
}

/** Where the browser downloads one version's file (the answer names the file). */
export function documentFileUrl(memberId: string, documentId: string): string {
  return `/api/members/${memberId}/documents/${documentId}/file`;
}
// Working-day calendar

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...queryKeys.calendar, year],
    queryFn: ({ signal }) => api.get<CalendarYear>('/calendar', { year }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Records or removes a day's adjustment; the answer is the year as it now is. */
export function useCalendarAdjustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { date: string; kind?: 'holiday' | 'workday'; note?: string | null }) =>
      change.kind
        ? api.put<CalendarYear>(`/calendar/adjustments/${change.date}`, { kind: change.kind, note: change.note ?? null })
        : api.delete<CalendarYear>(`/calendar/adjustments/${change.date}`),
    onSuccess: (year) => {
      qc.setQueryData([...queryKeys.calendar, year.year], year);
      // deadlines in working days and the member files' party age may have moved
      void qc.invalidateQueries({ queryKey: queryKeys.members });
      void qc.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
