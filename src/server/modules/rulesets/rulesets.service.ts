/**
 * Rule sets as data (domain.md §12). The versions live in `rule_set` (the shipped ones seeded by migration 0015); a
 * system administrator adds a version from a date, copied from the one in force with some figures changed, validated
 * (each figure's range and the relations between them), previewed (what changes) and audited.
 *
 * The registry: every version is read once and kept in this process until a version is added (the same cache as the
 * working calendar's: one server per database). Services that take a rule set ask the registry and pass the version
 * to the domain's pure functions; the registry also installs the versions as the default list of `ruleSetOn`, so the
 * computations that still use the default (badges, party age, discipline, transfers) follow the database too. See
 * docs/modules/rulesets.md.
 */
import type { Kysely } from 'kysely';
import { formatVnDate, addDays } from '../../../domain/dates.ts';
import { RULE_SETS, installRuleSets, ruleSetOn, type RuleSet } from '../../../domain/rulesets.ts';
import { ruleSetChanges, rulesOf, type RuleSetRules } from '../../../domain/ruleset-fields.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { canAddRuleSet, canReadRuleSets } from './rulesets.policy.ts';
import { missingCatalogueCodes } from '../catalogue/catalogue.repo.ts';
import { insertRuleSet, listRuleSets, lockRuleSets, type RuleSetRow } from './rulesets.repo.ts';
import { RuleSetRulesSchema, type NewRuleSetInput, type RuleSetRulesPatchInput } from '../../../contract/rulesets.ts';

/** The versions in use, oldest first, and the two ways computations find one. */
export interface RuleSetRegistry {
  all: readonly RuleSet[];
  /** The version in force on a date. */
  on(date: string): RuleSet;
  /** A version by the id a dossier or a period recorded. */
  byId(id: string): RuleSet | undefined;
}

export function registryOf(sets: readonly RuleSet[]): RuleSetRegistry {
  return { all: sets, on: (date) => ruleSetOn(date, sets), byId: (id) => sets.find((s) => s.id === id) };
}

type Group = keyof RuleSetRules;

/**
 * A stored version as a RuleSet. Figures a later version of the code added to `RuleSet` and the row does not hold yet
 * come from the shipped version of the same id (else the one in force on its date), so adding a figure with its
 * shipped value needs no data migration.
 */
function fromRow(row: RuleSetRow): RuleSet {
  const base = RULE_SETS.find((s) => s.id === row.id) ?? ruleSetOn(row.effective_from, RULE_SETS);
  const stored = (row.rules ?? {}) as Partial<Record<Group, Record<string, unknown>>>;
  const rules = structuredClone(rulesOf(base)) as unknown as Record<Group, Record<string, unknown>>;
  for (const g of Object.keys(rules) as Group[]) Object.assign(rules[g], stored[g] ?? {});
  return { ...(rules as unknown as RuleSetRules), id: row.id, effectiveFrom: row.effective_from, basis: row.basis };
}

/** The figures of `base` with the changed ones of `patch`: lists and shares replace whole, groups merge. */
function merged(base: RuleSetRules, patch: RuleSetRulesPatchInput): unknown {
  const out = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [g, values] of Object.entries(patch)) if (values) Object.assign(out[g]!, values);
  return out;
}

// eslint-disable-next-line max-lines-per-function -- the service factory: the registry's cache and each command, each under the limit
export function createRuleSetsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  let cached: Promise<{ registry: RuleSetRegistry; rows: RuleSetRow[] }> | null = null;

  function load() {
    if (!cached) {
      const loading = listRuleSets(db).then((rows) => {
        const sets = rows.map(fromRow);
        if (sets.length === 0) throw new Error('No rule set in the database (migration 0015 seeds them)');
        installRuleSets(sets);
        return { registry: registryOf(sets), rows };
      });
      cached = loading;
      loading.catch(() => {
        if (cached === loading) cached = null;
      });
    }
    return cached;
  }

  /** The new version an input describes, checked; writes nothing. */
  async function plan(conn: Kysely<DB>, actor: Actor, input: NewRuleSetInput, sets: readonly RuleSet[]) {
    if (!canAddRuleSet(actor)) throw forbidden('Chỉ quản trị hệ thống được thêm phiên bản quy định.');
    const latest = sets.at(-1)!;
    if (input.effectiveFrom <= latest.effectiveFrom) {
      throw conflict(`Phiên bản mới phải có hiệu lực sau ngày ${formatVnDate(latest.effectiveFrom)} của phiên bản gần nhất («${latest.basis}»).`, [
        { field: 'effectiveFrom', message: `Chọn một ngày từ ${formatVnDate(addDays(latest.effectiveFrom, 1))}.` },
      ]);
    }
    const base = ruleSetOn(input.effectiveFrom, sets);
    const parsed = RuleSetRulesSchema.safeParse(merged(rulesOf(base), input.rules));
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ field: ['rules', ...i.path.map(String)].join('.'), message: i.message }));
      throw new AppError(400, 'VALIDATION_ERROR', `${details[0]!.field}: ${details[0]!.message}`, details);
    }
    const rules = parsed.data;
    const missing = await missingCatalogueCodes(conn, 'general_education', rules.admission.qualifyingEducation);
    if (missing.length > 0)
      throw invalid('rules.admission.qualifyingEducation', `Mã trình độ không có trong danh mục giáo dục phổ thông: ${missing.join(', ')}.`);
    const id = `rs-${input.effectiveFrom}`;
    return { id, effectiveFrom: input.effectiveFrom, basis: input.basis, copiedFrom: base.id, rules, changes: ruleSetChanges(rulesOf(base), rules) };
  }

  return {
    /**
     * The registry of the versions in use, loaded once and kept until a version is added. Take it before opening a
     * transaction.
     */
    async registry(): Promise<RuleSetRegistry> {
      return (await load()).registry;
    },

    /** Every version with its dates, who added it and what it changed from the one before. */
    async list(actor: Actor) {
      if (!canReadRuleSets(actor)) throw forbidden();
      const { registry, rows } = await load();
      const today = clock.today();
      const current = registry.on(today);
      return {
        items: registry.all.map((s, i) => {
          const row = rows[i]!;
          const next = registry.all[i + 1];
          const prev = registry.all[i - 1];
          return {
            id: s.id,
            effectiveFrom: s.effectiveFrom,
            effectiveTo: next ? addDays(next.effectiveFrom, -1) : null,
            basis: s.basis,
            note: row.note,
            copiedFrom: row.copied_from,
            createdBy: row.created_by_name,
            createdAt: row.copied_from ? new Date(row.created_at).toISOString() : null,
            inForce: s.id === current.id,
            rules: rulesOf(s),
            changes: prev ? ruleSetChanges(rulesOf(prev), rulesOf(s)) : [],
          };
        }),
        canEdit: canAddRuleSet(actor),
      };
    },

    /** What the version would be and what it changes; writes nothing. */
    async preview(actor: Actor, input: NewRuleSetInput) {
      const { registry } = await load();
      return plan(db, actor, input, registry.all);
    },

    /** Adds the version: one transaction with its audit entry; the registry reloads after the commit. */
    async create(actor: Actor, input: NewRuleSetInput) {
      await load();
      let created: Awaited<ReturnType<typeof plan>> | undefined;
      await db.transaction().execute(async (tx) => {
        await lockRuleSets(tx);
        // Planned again under the lock, from the versions as they are now.
        const sets = (await listRuleSets(tx)).map(fromRow);
        created = await plan(tx, actor, input, sets);
        await insertRuleSet(tx, {
          id: created.id,
          effective_from: created.effectiveFrom,
          basis: created.basis,
          rules: created.rules,
          copied_from: created.copiedFrom,
          note: input.note ?? null,
          created_by: actor.userId,
        });
        await writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
          {
            action: 'ruleset.create',
            entityType: 'rule_set',
            entityId: created.id,
            scopeOrgId: null,
            before: { copiedFrom: created.copiedFrom },
            after: { effectiveFrom: created.effectiveFrom, basis: created.basis, note: input.note ?? null, changes: created.changes, rules: created.rules },
          },
        ]);
      });
      // Reloaded at once, outside any transaction: a service must never be the first to load inside its own (PGlite
      // has one connection, and the load would wait for the transaction that waits for it).
      cached = null;
      await load();
      return created!;
    },
  };
}

export type RuleSetsService = ReturnType<typeof createRuleSetsService>;
