import { can, isSystemAdmin, type Actor } from '../../http/actor.ts';

/** Every user who reads anything reads the working calendar: it is the same for the whole tree. */
export const canReadCalendar = (actor: Actor): boolean => can(actor, 'read');
/** The calendar's adjustments change every deadline in working days, everywhere: system administrators only. */
export const canEditCalendar = (actor: Actor): boolean => isSystemAdmin(actor);
