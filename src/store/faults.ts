import type { DBCore, Middleware } from 'dexie';

/**
 * For tests: fails writes to `table` whenever `when()` says so (by default, while `fault.armed`
 * is true), a fault in the middle of a transaction, injected below Dexie as DBCore middleware.
 * It lives beside the store because only the store knows Dexie; the app never imports it.
 */
export function faultOn(table: string, makeError: () => Error, when?: () => boolean) {
  const fault = { armed: false };
  const failing = when ?? (() => fault.armed);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: `fault-on-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const downTable = down.table(name);
        return {
          ...downTable,
          mutate: (req) =>
            name === table && failing() ? Promise.reject(makeError()) : downTable.mutate(req),
        };
      },
    }),
  };
  return { fault, middleware };
}
