// `npm run household -- <command>`: the households on the sync server for BASKET_SYNC_DIR.
//   create "Smith family" [--app http://localhost:4173/]   make one; prints its invite link
//   invite "Smith family" [--app …]                        print the invite link again
//   list                                                   names and ids (no secrets)
//   remove "Smith family"                                  delete its stream and account
import { parseArgs } from 'node:util';
import {
  createHousehold,
  inviteLink,
  listHouseholds,
  removeHousehold,
} from './household-admin.mjs';
import { DEFAULTS, settingsFromEnv } from './nats-config.mjs';

const USAGE = `Usage: npm run household -- <command>
  create "<name>" [--app <url>]   make a household and print its invite link
  invite "<name>" [--app <url>]   print a household's invite link again
  list                            the households, by name and id
  remove "<name>"                 delete a household: its stream (every change in it) and account
--app is the address people open Basket at (default ${DEFAULTS.app}).
The server is the one \`npm run sync-server\` runs for BASKET_SYNC_DIR (default ${DEFAULTS.dir}/).`;

const fail = (message, code = 1) => {
  console.error(`household: ${message}`);
  process.exit(code);
};

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { app: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
const [command, name, ...rest] = parsed.positionals;
const { app, help } = parsed.values;
if (help) {
  console.log(USAGE);
  process.exit(0);
}
const needsName = ['create', 'invite', 'remove'].includes(command);
if (!command || (needsName && (!name || rest.length)) || (command === 'list' && name)) {
  fail(USAGE, 2);
}

try {
  const { dir } = settingsFromEnv();
  switch (command) {
    case 'create': {
      const { household, link } = await createHousehold({ dir, name, app });
      console.log(`Made the household "${household.name}" (id ${household.id}).`);
      console.log('Open this link on each of its devices. It holds the household’s keys: send it');
      console.log('privately (anyone with it can read and change the lists).');
      console.log(link);
      break;
    }
    case 'invite':
      console.log(await inviteLink({ dir, nameOrId: name, app }));
      break;
    case 'list': {
      const households = listHouseholds({ dir });
      if (!households.length) console.log('No households yet: npm run household -- create "…"');
      for (const h of households) console.log(`${h.id}  ${h.name}`);
      break;
    }
    case 'remove': {
      const removed = await removeHousehold({ dir, nameOrId: name });
      console.log(`Removed the household "${removed.name}" (id ${removed.id}) and its data.`);
      break;
    }
    default:
      fail(`no command "${command}"\n${USAGE}`, 2);
  }
} catch (error) {
  fail(error.message);
}
