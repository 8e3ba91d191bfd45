import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_CALLS_TOPIC, DEFAULT_DLQ_TOPIC, parseKafkaUrl } from '@apiscope/transport';

import { REPO_ROOT } from '../support/corpus';
import { DEPLOY_DIR, envNamesReadByCode, optionValues, readYaml } from '../support/deploy-manifest';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | string;
  environment?: Record<string, string | number>;
  ports?: string[];
  network_mode?: string;
  user?: string;
  cap_add?: string[];
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const COMPOSE = join(DEPLOY_DIR, 'docker-compose.yml');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Compose interpolation as a user with deploy/.env would get it: defaults taken, required values present. */
const interpolate = (text: string) =>
  text.replace(
    /\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
    (_, name: string, fallback?: string) => fallback ?? `<${name}>`,
  );

// runs the real CLI for its --help: slow on a loaded 2-core machine
jest.setTimeout(120_000);

describe('deploy/docker-compose.yml', () => {
  const [compose] = readYaml(COMPOSE) as Array<{ services: Record<string, Service> }>;
  const services = compose.services;
  const apiscope = Object.entries(services).filter(([, s]) => s.image?.split(':')[0] === 'apiscope');
  const argv = (s: Service) => (Array.isArray(s.command) ? s.command.map(interpolate) : []);
  const kafkaEnv = services.kafka?.environment ?? {};
  const advertised = String(kafkaEnv['KAFKA_ADVERTISED_LISTENERS'] ?? '')
    .split(',')
    .map((l) => l.replace(/^\w+:\/\//, ''));

  it('should run Kafka in KRaft mode, ClickHouse, a sensor, two pipeline workers and the API', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['kafka', 'clickhouse', 'sensor', 'pipeline', 'api']),
    );
    expect(String(kafkaEnv['KAFKA_PROCESS_ROLES']).split(',').sort()).toEqual(['broker', 'controller']);
    expect(kafkaEnv['KAFKA_CONTROLLER_QUORUM_VOTERS']).toBeDefined();
    expect(JSON.stringify(compose)).not.toMatch(/zookeeper/i);
    expect(services.pipeline.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('should build every apiscope service from deploy/Dockerfile into one image tagged with the version', () => {
    expect(apiscope.map(([name]) => name).sort()).toEqual(['api', 'pipeline', 'sensor']);
    for (const [, s] of apiscope) {
      expect(s.image).toBe(`apiscope:${VERSION}`);
      expect(existsSync(resolve(DEPLOY_DIR, s.build!.context, s.build!.dockerfile))).toBe(true);
      expect(resolve(DEPLOY_DIR, s.build!.context)).toBe(REPO_ROOT);
    }
  });

  it('should give every apiscope service a command and options the real CLI has', () => {
    for (const [name, s] of apiscope) {
      expect({ name, command: Array.isArray(s.command) }).toEqual({ name, command: true });
      expect(() => optionValues(argv(s))).not.toThrow();
    }
    expect(optionValues(argv(services.pipeline)).spec.path).toEqual(['pipeline']);
    expect(optionValues(argv(services.api)).spec.path).toEqual(['api']);
    expect(optionValues(argv(services.sensor)).spec.path).toEqual(['sensor', 'pcap']);
  });

  it('should ask for every value it interpolates in deploy/.env.example', () => {
    const example = readFileSync(join(DEPLOY_DIR, '.env.example'), 'utf8');
    const used = [...readFileSync(COMPOSE, 'utf8').matchAll(/\$\{(\w+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of new Set(used))
      expect({ name, listed: new RegExp(`^${name}=`, 'm').test(example) }).toEqual({ name, listed: true });
  });

  it('should set only environment variables the code reads', () => {
    const known = envNamesReadByCode();
    for (const [name, s] of apiscope)
      for (const variable of Object.keys(s.environment ?? {}))
        expect({ name, variable, known: known.has(variable) }).toEqual({ name, variable, known: true });
  });

  it('should capture on the host network as root with NET_RAW and NET_ADMIN, into a broker the host can reach', () => {
    const sensor = services.sensor;
    expect(sensor.network_mode).toBe('host');
    expect(sensor.user).toMatch(/^(0|root)(:|$)/);
    expect(sensor.cap_add).toEqual(expect.arrayContaining(['NET_RAW', 'NET_ADMIN']));
    const { values } = optionValues(argv(sensor));
    expect(values.get('--interface')).toBeTruthy();
    const sink = parseKafkaUrl(values.get('--sink')!);
    expect(sink.topic).toBe(DEFAULT_CALLS_TOPIC);
    for (const broker of sink.brokers) {
      expect(advertised).toContain(broker);
      const port = broker.split(':')[1];
      expect(
        services.kafka.ports?.some((p) => p.endsWith(`:${port}:${port}`) || p === `${port}:${port}`),
      ).toBe(true);
    }
  });

  it('should point the workers at the broker, the topic, one group and the ClickHouse service', () => {
    const { values } = optionValues(argv(services.pipeline));
    const source = parseKafkaUrl(values.get('--source')!);
    expect(source.topic).toBe(DEFAULT_CALLS_TOPIC);
    for (const broker of source.brokers) expect(advertised).toContain(broker);
    expect(values.get('--group')).toBeTruthy();
    for (const [, s] of [
      ['pipeline', services.pipeline],
      ['api', services.api],
    ] as const) {
      const url = new URL(optionValues(argv(s)).values.get('--clickhouse')!);
      expect([url.hostname, url.port]).toEqual(['clickhouse', '8123']);
    }
  });

  it('should create the calls topic with a partition for every worker, and the dead-letter topic', () => {
    const init = JSON.stringify(services['kafka-init']?.command);
    const partitions = Number(
      new RegExp(`--topic ${DEFAULT_CALLS_TOPIC} --partitions (\\d+)`).exec(init)?.[1],
    );
    expect(partitions).toBeGreaterThanOrEqual(services.pipeline.deploy!.replicas!);
    expect(init).toContain(`--topic ${DEFAULT_DLQ_TOPIC} `);
    expect(services.sensor.depends_on?.['kafka-init']?.condition).toBe('service_completed_successfully');
    expect(services.pipeline.depends_on?.['kafka-init']?.condition).toBe('service_completed_successfully');
  });

  it('should serve the API on all interfaces, publish its port and check /healthz on it', () => {
    const { values } = optionValues(argv(services.api));
    expect(values.get('--host')).toBe('0.0.0.0');
    const port = values.get('--port')!;
    expect(services.api.ports).toContain(`${port}:${port}`);
    expect(services.api.healthcheck?.test.join(' ')).toContain(`:${port}/healthz`);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(join(DEPLOY_DIR, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const instructions = dockerfile
    .split('\n')
    .filter((l) => /^[A-Z]+ /.test(l))
    .map((l) => ({ op: l.split(' ')[0], arg: l.slice(l.indexOf(' ') + 1).trim() }));
  const last = (op: string) => instructions.filter((i) => i.op === op).pop()?.arg;

  it('should build on Node 20 bookworm-slim with tcpdump and the lockfile install', () => {
    expect(instructions[0]).toEqual({ op: 'FROM', arg: 'node:20-bookworm-slim' });
    expect(dockerfile).toMatch(/apt-get install[^\n]* tcpdump/);
    expect(dockerfile).toMatch(/npm install --omit=dev/);
    expect(existsSync(join(REPO_ROOT, 'package-lock.json'))).toBe(true);
  });

  it('should run the real CLI entry as a non-root user and expose the API port', () => {
    expect(last('USER')).toMatch(/^(?!0$|root$)\w+/);
    const link = /ln -s \/opt\/apiscope\/(\S+) \/usr\/local\/bin\/apiscope/.exec(dockerfile)?.[1];
    expect(existsSync(join(REPO_ROOT, link!))).toBe(true);
    expect(last('ENTRYPOINT')).toBe('["apiscope"]');
    expect(last('EXPOSE')).toBe('8080');
  });

  it('should keep node_modules and local data out of the build context', () => {
    const ignore = readFileSync(join(DEPLOY_DIR, 'Dockerfile.dockerignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '.git', '.apiscope', 'deploy/.env']));
  });
});
