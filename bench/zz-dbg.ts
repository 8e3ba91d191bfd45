import { readFileSync } from 'node:fs';
import { PathTemplater } from '@apiscope/inference';
import { generateTraffic, type SpecDocument } from '/work/wt/inference/test/support/spec-traffic.generator';
const spec = JSON.parse(readFileSync(`/work/shared/corpus/specs/${process.argv[2]}`, 'utf8')) as SpecDocument;
const traffic = generateTraffic(spec, { seed: 1, values: process.env['BENCH_VALUES'] === 'generic' ? 'generic' : 'realistic' });
const t = new PathTemplater();
for (const g of traffic) t.observe(g.call.request.method, g.call.request.path);
t.consolidate();
const json = t.toJSON();
const want = process.argv[3].split('/').filter(Boolean);
let node = json.root;
for (const w of want) {
  const next = w === '{}' ? node.p?.find(([e]) => e === '')?.[1] : node.l?.find(([k]) => k === w)?.[1];
  if (!next) { console.log('no', w); process.exit(0); }
  node = next;
}
console.log('lit:', node.l?.map(([k, c]) => `${k}(${c.h})`).join(' '));
for (const [e, p] of node.p ?? []) console.log('par', e, 'h', p.h, 'd', p.d, 'v', p.v, 'k', JSON.stringify(p.k), 's', p.s?.join(','), 'lit:', p.l?.map(([k,c]) => `${k}(${c.h})`).join(' '));
