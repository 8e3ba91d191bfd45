import { parseCheckpoint, parsePendingBatch } from './checkpoint-file.parser';

const valid = {
  version: 1,
  kind: 'apiscope-pcap-checkpoint',
  capture: { path: 'a.pcap', size: 100, head: '0123456789abcdef' },
  settings: { sensorId: 's', workers: 2, maxBodyBytes: 65536, maxFlows: null, memoryLimitBytes: 1024 },
  sink: 'stdout',
  batches: 3,
  delivered: [1500, 1500],
  complete: false,
  updatedAt: 1,
};

describe(parseCheckpoint.name, () => {
  it('should read a valid checkpoint back as written', () => {
    expect(parseCheckpoint(JSON.stringify(valid))).toEqual(valid);
  });

  it.each([
    ['truncated JSON', JSON.stringify(valid).slice(0, 40), /JSON|Unexpected|Unterminated/],
    ['another kind', JSON.stringify({ ...valid, kind: 'log-offsets' }), /kind/],
    ['another version', JSON.stringify({ ...valid, version: 2 }), /version 2/],
    ['an array', '[1,2]', /not an object/],
    ['negative counts', JSON.stringify({ ...valid, delivered: [-1, 5] }), /delivered\[0\]/],
    ['counts of another sharding', JSON.stringify({ ...valid, delivered: [1, 2, 3] }), /2 counts/],
    ['fractional batches', JSON.stringify({ ...valid, batches: 1.5 }), /batches/],
    [
      'too many workers',
      JSON.stringify({ ...valid, settings: { ...valid.settings, workers: 1000 } }),
      /range/,
    ],
    [
      'a huge sensor id',
      JSON.stringify({ ...valid, settings: { ...valid.settings, sensorId: 'x'.repeat(300) } }),
      /sensorId/,
    ],
    ['complete as a string', JSON.stringify({ ...valid, complete: 'yes' }), /complete/],
    ['a prototype key', '{"__proto__":{"kind":"apiscope-pcap-checkpoint"}}', /kind/],
  ])('should refuse %s', (_name, body, reason) => {
    expect(() => parseCheckpoint(body)).toThrow(reason);
  });
});

describe(parsePendingBatch.name, () => {
  const events = ['{"id":"a"}', '{"id":"b"}', '{"id":"c"}'];

  it('should read a pending batch with its Kafka mark', () => {
    const body = `${JSON.stringify({ batch: 4, counts: [2, 1], mark: { '0': '17', '3': '0' } })}\n${events.join('\n')}\n`;
    expect(parsePendingBatch(body, 2)).toEqual({
      batch: 4,
      counts: [2, 1],
      lines: events,
      mark: { '0': '17', '3': '0' },
    });
  });

  it.each([
    [
      'fewer events than counted',
      `{"batch":1,"counts":[2,2]}\n${events.join('\n')}\n`,
      /holds 3 events, its header says 4/,
    ],
    [
      'a cut last event',
      `{"batch":1,"counts":[2,1]}\n${events.join('\n').slice(0, -3)}\n`,
      /JSON|Unterminated|Expected/,
    ],
    ['no header', '', /JSON|Unexpected/],
    [
      'a mark that is not offsets',
      `{"batch":1,"counts":[2,1],"mark":{"x":"1"}}\n${events.join('\n')}\n`,
      /partition offset/,
    ],
    ['counts of another sharding', `{"batch":1,"counts":[3]}\n${events.join('\n')}\n`, /2 counts/],
  ])('should refuse %s', (_name, body, reason) => {
    expect(() => parsePendingBatch(body, 2)).toThrow(reason);
  });
});
