/**
 * Counts the statements a database handle executes (issue 13: one round trip where one statement does it). Give the
 * app `db.withPlugin(counter.plugin)` (startTestApp's wrapDb), reset before a request, read `count` after it.
 */
import type { KyselyPlugin } from 'kysely';

export interface StatementCounter {
  plugin: KyselyPlugin;
  reset(): void;
  readonly count: number;
}

export function statementCounter(): StatementCounter {
  let n = 0;
  return {
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: (args) => {
        n += 1;
        return Promise.resolve(args.result);
      },
    },
    reset() {
      n = 0;
    },
    get count() {
      return n;
    },
  };
}
