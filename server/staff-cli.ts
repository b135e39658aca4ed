/**
 * Staff accounts of the office API, from the command line (against the database the server's
 * configuration names: DATABASE_URL, or PGlite in RK_DATA_DIR):
 *
 *   npm run server:staff -- add <name>       prints the new staff key once (keep it: only its hash is stored)
 *   npm run server:staff -- list
 *   npm run server:staff -- disable <name>   the key stops working at once, on every instance
 */
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { addStaff, disableStaff, listStaff } from './office/staff.js';
import { openConfiguredDatabase } from './server.js';

const [command, name] = process.argv.slice(2);
const usage = 'usage: npm run server:staff -- add <name> | list | disable <name>';
if (!command || !['add', 'list', 'disable'].includes(command) || (command !== 'list' && !name)) {
  console.error(usage);
  process.exit(2);
}
const config = loadConfig(process.env, []);
const db = await openConfiguredDatabase(config);
try {
  await migrate(db);
  if (command === 'add') {
    const { member, key } = await addStaff(db, name!);
    console.log(`staff ${member.name} (${member.id}) added. Office key (shown once, send it as X-Office-Key):\n${key}`);
  } else if (command === 'list') {
    for (const member of await listStaff(db)) {
      console.log(`${member.name}\t${member.id}\tcreated ${new Date(member.created_at).toISOString()}${member.disabled_at ? `\tdisabled ${new Date(member.disabled_at).toISOString()}` : ''}`);
    }
  } else if (!(await disableStaff(db, name!))) {
    console.error(`no active staff member named ${name}`);
    process.exitCode = 1;
  } else {
    console.log(`staff ${name} disabled`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
