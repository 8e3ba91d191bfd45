import { readFileSync } from 'node:fs';
import { HttpCaptureParser, writeApiCallJson, apiCallJsonBound } from '@apiscope/capture';
const data = readFileSync('/work/wt/capture3/bench/results/bench-80k.pcap');
const out = Buffer.allocUnsafe(256 << 20);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const mode = process.argv[2];
for (let r = 0; r < 4; r++) {
  let p = 0;
  const engine = new HttpCaptureParser({ sensorId: 'x', onCall: mode === 'none' ? () => {} : mode === 'json' ? (c) => { p += out.write(JSON.stringify(c), p); } : (c) => { apiCallJsonBound(c); p = writeApiCallJson(c, out, p); } });
  const t = cpu();
  for (let i = 0; i < data.length; i += 4 << 20) engine.push(data.subarray(i, i + (4 << 20)));
  engine.finish();
  console.log(mode, (cpu() - t).toFixed(0), 'ms cpu', p);
}
