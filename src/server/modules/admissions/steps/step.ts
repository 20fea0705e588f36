/**
 * The shape of a step handler (domain.md §6): given the dossier as it is, locked, and the step's input, it checks the
 * step by the dossier's rule set and says what to write — the step's data, the dossier's new dates and stage, the
 * failed checks (which block the step unless overridden), and for the ceremony and the recognition the member file's
 * write, run after the step's own. admissions.steps.ts runs them in one transaction.
 */
import type { Kysely, Updateable } from 'kysely';
import type { CheckFailure } from '../../../../domain/admission.ts';
import type { WorkingCalendar } from '../../../../domain/calendar/working-days.ts';
import type { RuleSet } from '../../../../domain/rulesets.ts';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../../http/actor.ts';
import type { AdmissionsDeps } from '../admissions.context.ts';
import type { candidateById, dossierById, stepsOf } from '../admissions.repo.ts';
import type { StepInput } from '../../../../contract/admissions.ts';

export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

/** What a handler reads: the dossier, its candidate and steps as they are inside the step's transaction. */
export interface StepContext {
  deps: AdmissionsDeps;
  tx: Kysely<DB>;
  actor: Actor;
  dossier: Awaited<ReturnType<typeof dossierById>>;
  candidate: Awaited<ReturnType<typeof candidateById>>;
  steps: readonly StepRow[];
  rules: RuleSet;
  cal: WorkingCalendar;
  today: string;
  /** The latest record of a step kind (a step recorded again before the cell vote: the latest counts). */
  latest: (kind: string) => StepRow | undefined;
}

/** What a handler says to write. */
export interface StepOutcome {
  failures: CheckFailure[];
  data: Record<string, unknown>;
  /** The dossier's columns the step sets (dates, status), besides its stage. */
  update?: Updateable<DB['admission_dossier']>;
  /** The dossier's stage after the step, when it is not the step's own (the recognition vote's outcomes). */
  stage?: string;
  /** The member file's write (the ceremony's new member, the recognition), after the step and the dossier's. */
  afterWrite?: () => Promise<void>;
}

export type StepInputOf<K extends StepInput['kind']> = Extract<StepInput, { kind: K }>;
