import fs from 'node:fs';
import { tables } from './store/schema/database.js';
const spec = JSON.parse(fs.readFileSync('/work/shared/spec/vicidial-schema.json', 'utf8')).tables;
let problems = 0; const nullDiff: string[] = [];
for (const [name, t] of Object.entries(tables)) {
  const s = spec[name];
  if (!s) { console.log('NOT IN VICIDIAL', name); continue; }
  const cols = new Map(s.columns.map((c: any) => [c.name, c]));
  const order = s.columns.map((c: any) => c.name);
  let last = -1;
  for (const [cn, col] of Object.entries(t.columns as any)) {
    const sc: any = cols.get(cn);
    const spec2 = (col as any).spec;
    if (!sc) { console.log(name, cn, 'missing in vicidial'); problems++; continue; }
    const idx = order.indexOf(cn); if (idx < last) { console.log(name, cn, 'out of order'); problems++; } last = idx;
    const mine = spec2.mysqlType.replace(/'[^']*'|[^']+/g, (m: string) => m.startsWith("'") ? m : m.toLowerCase()).replace(/\s+/g, ' ');
    if (mine !== sc.type) { console.log(name, cn, 'type', mine, '!=', sc.type); problems++; }
    const nullable = spec2.nullable;
    if (nullable !== sc.nullable && !spec2.primaryKey) { nullDiff.push(name+'.'+cn+(nullable?' null':' notnull')); }
    let def = spec2.defaultNow ? 'current_timestamp()' : spec2.defaultValue === undefined || spec2.defaultValue === null ? (sc.nullable ? 'NULL' : null) : typeof spec2.defaultValue === 'number' && !/^(enum|varchar|char|text)/.test(sc.type) ? String(spec2.defaultValue) : `'${spec2.defaultValue}'`;
    if (String(def) !== String(sc.default)) { console.log(name, cn, 'default', def, '!=', sc.default); problems++; }
  }
  const myIdx = (t as any).indexes ?? [];
  for (const i of myIdx) { const si = s.indexes.find((x: any) => x.name === i.name); if (!si) { console.log(name, 'index', i.name, 'not in vicidial', JSON.stringify(s.indexes.map((x:any)=>[x.name,x.columns]))); problems++; } else if (JSON.stringify(si.columns) !== JSON.stringify(i.columns) || !!si.unique !== !!i.unique) { console.log(name, 'index', i.name, 'differs', JSON.stringify(i), JSON.stringify(si)); problems++; } }
}
console.log('problems', problems, 'nullability differences', nullDiff.length, nullDiff.filter(x=>x.endsWith(' null')).join(' '));
import { it } from 'vitest'; it('x', () => {});
