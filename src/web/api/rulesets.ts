/**
 * Rule sets over the HTTP API (/api/rulesets, domain.md §12): the versions with their figures, and the preview and
 * addition of a new one; the types are the contract's (src/contract/rulesets.ts). Query keys start with 'rulesets'.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './hooks.ts';
import type { NewRuleSet, RuleSetListResponse, RuleSetPreview, RuleSetVersion } from '../../contract/rulesets.ts';

export type { NewRuleSet, RuleSetPreview, RuleSetVersion };

const KEY = ['rulesets'] as const;

export function useRuleSets() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<RuleSetListResponse>('/rulesets', undefined, signal) });
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
