/**
 * File kinds by content moved to office/sniff.ts (issue 11 part 5). This re-export stays only until the member dossier's
 * service imports office/sniff.ts itself; then this file goes.
 */
export { sniffContent, type ContentKind } from '../office/sniff.ts';
