import * as chrono from 'chrono-node';
const ref = new Date('2024-03-12T12:00:00');
const w = ['would start next week.', 'voted on December 31, 2016 that', 'met on 5 March in the', 'will open on January 23.'];
for (const [name, fn] of [['casual', (t: string) => chrono.parse(t, ref)], ['strict', (t: string) => chrono.strict.parse(t, ref)], ['en.GB', (t: string) => chrono.en.GB.parse(t, ref)]] as const) {
  const t0 = performance.now(); let k = 0;
  for (let i = 0; i < 2000; i++) for (const t of w) k += fn(t).length;
  console.log(name, ((performance.now() - t0) / 8000 * 1000).toFixed(1), 'us/call', k / 2000, JSON.stringify(w.map((t) => fn(t).map((r) => r.start.date().toISOString().slice(0, 10)))));
}
