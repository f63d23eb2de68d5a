/**
 * The loader benchmark's baseline: read the CSV naively (split on commas),
 * insert into the same vicidial_list schema with better-sqlite3, 400 rows per
 * statement and 5,000 per transaction — no validation, no checks, no audit.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import Database from 'better-sqlite3';

const [csv, dbFile] = process.argv.slice(2);
const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const columns = ['entry_date', 'status', 'list_id', 'phone_code', 'phone_number', 'first_name', 'last_name', 'address1', 'city', 'state', 'postal_code', 'vendor_lead_code', 'email'];
const per = 400;
const statement = (n) => db.prepare(`INSERT INTO vicidial_list (${columns.join(',')}) VALUES ${Array(n).fill(`(${columns.map(() => '?').join(',')})`).join(',')}`);
const full = statement(per);
let params = [];
let rows = 0;
let pending = [];
const flush = db.transaction((batches) => {
  for (const b of batches) (b.length === per * columns.length ? full : statement(b.length / columns.length)).run(b);
});
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
  if (rows % per === 0) {
    pending.push(params);
    params = [];
  }
  if (pending.length * per >= 5000) {
    flush(pending);
    pending = [];
  }
}
if (params.length > 0) pending.push(params);
flush(pending);
db.close();
