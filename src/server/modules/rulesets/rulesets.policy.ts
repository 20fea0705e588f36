import { can, isSystemAdmin, type Actor } from '../../http/actor.ts';

/** Every user who reads anything reads the rule sets: the same figures apply to the whole tree. */
export const canReadRuleSets = (actor: Actor): boolean => can(actor, 'read');
/** A version changes the rules everywhere from its date: system administrators only. */
export const canAddRuleSet = (actor: Actor): boolean => isSystemAdmin(actor);
