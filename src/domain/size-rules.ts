/**
 * Size rules of the Party Statute (domain.md §3). The system warns when an organisation breaks them; it never
 * refuses the data, because exceptions are approved by the superior and records must match reality.
 */
import type { OrgKind } from './org-kinds.ts';
import type { RuleSet } from './rulesets.ts';

export interface OrgCounts {
  /** Official members on the roll of the organisation's whole subtree. */
  official: number;
  /** Probationary members on the roll of the whole subtree. */
  probationary: number;
}

export interface SizeWarning {
  code: 'too_few_official' | 'cell_base_too_large' | 'party_committee_too_small' | 'cell_no_committee';
  /** 'warning' breaks a Statute rule; 'info' states a consequence of the size (no chi ủy is elected). */
  severity: 'warning' | 'info';
  message: string;
}

/**
 * Warnings for one organisation. `counts` cover its whole subtree (a đảng bộ cơ sở counts the members of its cells).
 * Party bodies above the grassroots level (province, commune, sector bloc) are not checked: their size is set by
 * the administrative map, not by the Statute's membership thresholds.
 */
export function sizeWarnings(kind: Pick<OrgKind, 'code' | 'isGrassroots' | 'isCell'>, counts: OrgCounts, rules: RuleSet): SizeWarning[] {
  const r = rules.orgSize;
  const total = counts.official + counts.probationary;
  const warnings: SizeWarning[] = [];
  const checked = kind.isGrassroots || kind.isCell || kind.code === 'dang_bo_bo_phan';
  if (!checked) return warnings;
  if (counts.official < r.minOfficialMembers) {
    warnings.push({
      code: 'too_few_official',
      severity: 'warning',
      message: `Chỉ có ${counts.official} đảng viên chính thức, chưa đủ ${r.minOfficialMembers} đảng viên chính thức theo Điều lệ Đảng.`,
    });
  }
  if (kind.code === 'chi_bo_co_so' && total >= r.partyCommitteeThreshold) {
    warnings.push({
      code: 'cell_base_too_large',
      severity: 'warning',
      message: `Chi bộ cơ sở có ${total} đảng viên (từ ${r.partyCommitteeThreshold} trở lên): theo Điều lệ nên lập đảng bộ cơ sở, trừ khi cấp trên đã cho phép.`,
    });
  }
  if (kind.code === 'dang_bo_co_so' && total < r.partyCommitteeThreshold) {
    warnings.push({
      code: 'party_committee_too_small',
      severity: 'warning',
      message: `Đảng bộ cơ sở chỉ có ${total} đảng viên (dưới ${r.partyCommitteeThreshold}): cần có sự đồng ý của cấp trên.`,
    });
  }
  if (kind.isCell && counts.official >= r.minOfficialMembers && counts.official < r.cellCommitteeThreshold) {
    warnings.push({
      code: 'cell_no_committee',
      severity: 'info',
      message: `Chi bộ có ${counts.official} đảng viên chính thức (dưới ${r.cellCommitteeThreshold}): chỉ bầu bí thư, phó bí thư, không bầu chi ủy.`,
    });
  }
  return warnings;
}
