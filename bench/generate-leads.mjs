/**
 * Write a CSV of N synthetic leads (distinct phone numbers in the demo's area
 * codes) to a file: `node bench/generate-leads.mjs 1000000 /tmp/leads.csv`.
 * Deterministic, so runs compare.
 */
import fs from 'node:fs';

export function generateLeads(count, file) {
  const out = fs.createWriteStream(file);
  const areas = ['312', '617', '213', '808'];
  const first = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'Radia'];
  const last = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'Perlman'];
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    out.write('phone_number,first_name,last_name,address1,city,state,postal_code,vendor_lead_code,email\n');
    let i = 0;
    const write = () => {
      let ok = true;
      while (i < count && ok) {
        const area = areas[i % areas.length];
        const local = String(2000000 + Math.floor(i / areas.length)).padStart(7, '0');
        const f = first[i % 10];
        const l = last[Math.floor(i / 10) % 10];
        ok = out.write(`${area}${local},${f},${l},${i} Main St,Springfield,IL,62701,V${i},${f.toLowerCase()}.${i}@example.com\n`);
        i++;
      }
      if (i < count) out.once('drain', write);
      else out.end(resolve);
    };
    write();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '1000000', file = 'leads.csv'] = process.argv.slice(2);
  await generateLeads(Number(count), file);
  console.log(`wrote ${count} leads to ${file}`);
}
