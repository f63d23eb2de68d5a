/**
 * The loader benchmark's baseline: read the CSV naively (split on commas),
 * insert into the same vicidial_list schema, 400 rows per statement and 5,000
 * per transaction — no validation, no checks, no audit. The database is the
 * loader's: `sqlite:<file>` (better-sqlite3) or `mysql://…` (mysql2, one connection).
 *   node bench/bare-load.mjs <csv> <database-url>
 */
import fs from 'node:fs';
import readline from 'node:readline';

const [csv, databaseUrl] = process.argv.slice(2);
const columns = ['entry_date', 'status', 'list_id', 'phone_code', 'phone_number', 'first_name', 'last_name', 'address1', 'city', 'state', 'postal_code', 'vendor_lead_code', 'email'];
const PER_STATEMENT = 400;
const PER_TRANSACTION = 5000;
const insertOf = (rows) => `INSERT INTO vicidial_list (${columns.join(',')}) VALUES ${Array(rows).fill(`(${columns.map(() => '?').join(',')})`).join(',')}`;

/** Inserts batches of rows (each a flat parameter array), one transaction per call. */
async function inserter() {
  if (databaseUrl.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const full = db.prepare(insertOf(PER_STATEMENT));
    const flush = db.transaction((batches) => {
      for (const b of batches) (b.length === PER_STATEMENT * columns.length ? full : db.prepare(insertOf(b.length / columns.length))).run(b);
    });
    return { flush: async (batches) => flush(batches), close: async () => db.close() };
  }
  const { default: mysql } = await import('mysql2/promise');
  const connection = await mysql.createConnection(databaseUrl);
  return {
    flush: async (batches) => {
      await connection.query('BEGIN');
      for (const b of batches) await connection.query(insertOf(b.length / columns.length), b);
      await connection.query('COMMIT');
    },
    close: () => connection.end(),
  };
}

const db = await inserter();
let params = [];
let rows = 0;
let pending = [];
const lines = readline.createInterface({ input: fs.createReadStream(csv) });
let header = true;
for await (const line of lines) {
  if (header) {
    header = false;
    continue;
  }
  const [phone, first, last, address, city, state, postal, vendor, email] = line.split(',');
  params.push('2026-11-28 10:00:00', 'NEW', 101, '1', phone, first, last, address, city, state, postal, vendor, email);
  rows++;
  if (rows % PER_STATEMENT === 0) {
    pending.push(params);
    params = [];
  }
  if (pending.length * PER_STATEMENT >= PER_TRANSACTION) {
    await db.flush(pending);
    pending = [];
  }
}
if (params.length > 0) pending.push(params);
await db.flush(pending);
await db.close();
