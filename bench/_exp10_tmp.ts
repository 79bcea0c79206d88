import Database from 'better-sqlite3';
const db = new Database('/tmp/netwerkspiegel-bench-dashboard-yfnpWD/app.sqlite');
db.pragma('journal_mode = WAL'); db.pragma('cache_size = -16000');
const waves = db.prepare('SELECT network_id, json_group_array(id) AS ids FROM waves GROUP BY network_id').all() as { network_id: string; ids: string }[];
const ids = db.prepare('SELECT DISTINCT item_id FROM answers ORDER BY 1').pluck().all() as string[];
function time(label: string, fn: () => number) {
  fn();
  const cs: number[] = []; let n = 0;
  for (let i = 0; i < 15; i++) { const c = process.cpuUsage(); n = fn(); const d = process.cpuUsage(c); cs.push((d.user + d.system) / 1000); }
  cs.sort((a, b) => a - b);
  console.log(label.padEnd(40), 'cpu min', cs[0]!.toFixed(1), 'p25', cs[3]!.toFixed(1), 'median', cs[7]!.toFixed(1), n);
}
const scan = db.prepare('SELECT response_id, item_id, value FROM answers');
time('plain scan objects iterate', () => { let c = 0; for (const r of scan.iterate()) if (r) c++; return c; });
const qb = db.prepare(`SELECT r.rowid, a.item_id, a.value FROM responses r JOIN answers a ON a.response_id = r.id
     WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete' AND a.instrument_id = @instrument AND a.value IS NOT NULL`).raw(true);
time('current', () => { let c = 0; for (const w of waves) c += qb.all({ instrument: 'bench-zestig', waves: w.ids }).length; return c; });
const caseExpr = 'CASE a.item_id ' + ids.map((id, i) => `WHEN '${id}' THEN ${i}`).join(' ') + ' END';
const qc = db.prepare(`SELECT r.rowid, ${caseExpr}, a.value FROM responses r JOIN answers a ON a.response_id = r.id
     WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete' AND a.instrument_id = @instrument AND a.value IS NOT NULL`).raw(true);
time('CASE item index', () => { let c = 0; for (const w of waves) c += qc.all({ instrument: 'bench-zestig', waves: w.ids }).length; return c; });
const map = JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, i])));
const qd = db.prepare(`SELECT r.rowid, json_extract(@map, '$.' || a.item_id), a.value FROM responses r JOIN answers a ON a.response_id = r.id
     WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete' AND a.instrument_id = @instrument AND a.value IS NOT NULL`).raw(true);
time('json_extract index', () => { let c = 0; for (const w of waves) c += qd.all({ map, instrument: 'bench-zestig', waves: w.ids }).length; return c; });
const qe = db.prepare(`SELECT (r.rowid << 20) | ((${caseExpr}) << 10) | (a.value + 100) FROM responses r JOIN answers a ON a.response_id = r.id
     WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete' AND a.instrument_id = @instrument AND a.value IS NOT NULL`).pluck(true);
time('CASE packed int pluck', () => { let c = 0; for (const w of waves) c += qe.all({ instrument: 'bench-zestig', waves: w.ids }).length; return c; });
