import { createServer } from 'node:net';

import { Kafka, logLevel } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';

import { KafkaCallSink } from './kafka-call.sink';

const call = (i: number): ApiCall => ({
  v: 1,
  id: `c${i}`,
  ts: 0,
  sensor: { id: 's', kind: 'test' },
  request: { method: 'GET', scheme: 'http', host: 'a.test', target: '/', path: '/', query: [], headers: [] },
});

/** A loopback port with nothing listening: Kafka "down". */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe(KafkaCallSink.name, () => {
  it('should keep a bounded buffer while Kafka is down and count exactly what it dropped', async () => {
    // few retries: the sink's own loop is under test, not kafkajs's
    const kafka = new Kafka({
      clientId: 'sink-test',
      brokers: [`127.0.0.1:${await deadPort()}`],
      retry: { retries: 1, initialRetryTime: 50 },
      logLevel: logLevel.NOTHING,
    });
    const sink = new KafkaCallSink({ kafka, topic: 'apiscope.calls.v1', maxBufferedCalls: 100 });
    const outcome = await sink.send(Array.from({ length: 150 }, (_, i) => call(i)));
    expect(outcome.accepted).toBe(150);
    expect(sink.stats()).toMatchObject({ sent: 0, buffered: 100, dropped: 50 });
    const final = await sink.close(300);
    expect(final).toMatchObject({ sent: 0, buffered: 0, dropped: 150 });
    await expect(sink.send([call(1)])).rejects.toThrow('Kafka sink is closed');
  }, 30_000);
});
