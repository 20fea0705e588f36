/**
 * Rule sets over the HTTP API (/api/rulesets, domain.md §12): the versions with their figures, and the preview and
 * addition of a new one. The figures' shape is the domain's (`RuleSetRules`); query keys start with 'rulesets'.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RuleSetChange, RuleSetRules } from '../../domain/ruleset-fields.ts';
import { api } from './client.ts';
import { queryKeys } from './hooks.ts';
import type { IsoDate } from '../../contract/common.ts';

export interface RuleSetVersion {
  id: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  basis: string;
  note: string | null;
  copiedFrom: string | null;
  createdBy: string | null;
  createdAt: string | null;
  inForce: boolean;
  rules: RuleSetRules;
  changes: RuleSetChange[];
}

/** A new version: its date, its basis, and the figures that differ from the version it copies (by group). */
export interface NewRuleSet {
  effectiveFrom: IsoDate;
  basis: string;
  note?: string | null;
  rules: Partial<{ [G in keyof RuleSetRules]: Partial<RuleSetRules[G]> }>;
}

export interface RuleSetPreview {
  id: string;
  effectiveFrom: IsoDate;
  copiedFrom: string;
  basis: string;
  rules: RuleSetRules;
  changes: RuleSetChange[];
}

const KEY = ['rulesets'] as const;

export function useRuleSets() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ items: RuleSetVersion[]; canEdit: boolean }>('/rulesets', undefined, signal) });
}

export function usePreviewRuleSet() {
  return useMutation({ mutationFn: (input: NewRuleSet) => api.post<RuleSetPreview>('/rulesets/preview', input) });
}

export function useAddRuleSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRuleSet) => api.post<RuleSetPreview>('/rulesets', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
