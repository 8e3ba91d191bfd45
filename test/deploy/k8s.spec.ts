import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { DEFAULT_CALLS_TOPIC, parseKafkaUrl } from '@apiscope/transport';

import { REPO_ROOT } from '../support/corpus';
import {
  DEPLOY_DIR,
  envNamesReadByCode,
  filesUnder,
  optionValues,
  readYaml,
} from '../support/deploy-manifest';

interface EnvVar {
  name: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
  };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  ports?: Array<{ name?: string; containerPort: number }>;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: { runAsUser?: number; capabilities?: { add?: string[]; drop?: string[] } };
}
interface PodSpec {
  hostNetwork?: boolean;
  dnsPolicy?: string;
  containers: Container[];
  volumes?: Array<{ name: string; configMap?: { name: string } }>;
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata: { labels: Record<string, string> }; spec: PodSpec };
    ports?: Array<{ port: number; targetPort: string | number }>;
    type?: string;
    externalName?: string;
    scaleTargetRef?: { name: string; kind?: string };
    minReplicaCount?: number;
    maxReplicaCount?: number;
    triggers?: Array<{ type: string; metadata: Record<string, string> }>;
    metrics?: Array<{ type: string }>;
  };
}

const K8S = join(DEPLOY_DIR, 'k8s');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const WORKLOADS = ['Deployment', 'DaemonSet', 'Job'];

// runs the real CLI for its --help: slow on a loaded 2-core machine
jest.setTimeout(120_000);

describe('deploy/k8s', () => {
  const files = filesUnder(K8S, /\.ya?ml$/);
  const kustomization = readYaml(join(K8S, 'kustomization.yaml'))[0] as {
    namespace: string;
    resources: string[];
    images: Array<{ name: string; newTag: string }>;
  };
  const objects = files
    .filter((f) => !f.endsWith('kustomization.yaml'))
    .flatMap((file) =>
      (readYaml(file) as K8sObject[]).map((object) => ({ file: relative(K8S, file), object })),
    );
  const all = objects.map((o) => o.object);
  const one = (kind: string, name?: string) => {
    const found = all.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const configMap = one('ConfigMap', 'apiscope-config').data!;
  const secret = one('Secret', 'apiscope-secrets').stringData!;
  const containersOf = (o: K8sObject) => o.spec?.template?.spec.containers ?? [];
  const apiscopeContainers = all
    .filter((o) => WORKLOADS.includes(o.kind))
    .flatMap((o) => containersOf(o).map((c) => ({ object: o, container: c })))
    .filter(({ container }) => container.image === 'apiscope');
  /** Container args with $(VAR) expanded from its env, as the kubelet does. */
  const expandedArgs = (c: Container) =>
    (c.args ?? []).map((a) =>
      a.replace(/\$\((\w+)\)/g, (_, name: string) => {
        const ref = c.env?.find((e) => e.name === name)?.valueFrom?.configMapKeyRef;
        if (ref === undefined) throw new Error(`$(${name}) is not from the ConfigMap`);
        return configMap[ref.key];
      }),
    );
  const argsOf = (component: string) => {
    const found = apiscopeContainers.find(
      (c) => c.object.metadata.labels?.['app.kubernetes.io/component'] === component,
    );
    return optionValues(expandedArgs(found!.container));
  };

  it('should parse every manifest into objects with apiVersion, kind, name and the apiscope namespace', () => {
    expect(objects.length).toBeGreaterThanOrEqual(10);
    for (const { file, object } of objects) {
      expect({
        file,
        apiVersion: typeof object.apiVersion,
        kind: typeof object.kind,
        name: typeof object.metadata?.name,
      }).toEqual({
        file,
        apiVersion: 'string',
        kind: 'string',
        name: 'string',
      });
      if (object.kind !== 'Namespace')
        expect({ file, namespace: object.metadata.namespace }).toEqual({
          file,
          namespace: kustomization.namespace,
        });
    }
  });

  it('should list every manifest in kustomization.yaml but the Secret template and the optional ones', () => {
    for (const resource of kustomization.resources) expect(existsSync(join(K8S, resource))).toBe(true);
    const expected = objects
      .map((o) => o.file)
      .filter((f) => !f.startsWith('optional/') && f !== 'secret.template.yaml');
    expect([...new Set(expected)].sort()).toEqual([...kustomization.resources].sort());
  });

  it('should run one image, tagged with the version, in every apiscope container', () => {
    expect(apiscopeContainers.map((c) => c.object.metadata.name).sort()).toEqual([
      'apiscope-api',
      'apiscope-pipeline',
      'apiscope-sensor',
    ]);
    expect(kustomization.images).toContainEqual(
      expect.objectContaining({ name: 'apiscope', newTag: VERSION }),
    );
  });

  it('should give every workload containers with an image and a command line, and selectors matching its pods', () => {
    for (const o of all.filter((x) => WORKLOADS.includes(x.kind))) {
      for (const c of containersOf(o)) {
        expect({ name: c.name, image: !!c.image, argv: (c.args ?? c.command ?? []).length > 0 }).toEqual({
          name: c.name,
          image: true,
          argv: true,
        });
      }
      const selector = o.spec?.selector?.matchLabels ?? {};
      if (o.kind !== 'Job')
        expect(o.spec?.template?.metadata.labels).toEqual(expect.objectContaining(selector));
    }
  });

  it('should give the apiscope containers command lines the real CLI accepts', () => {
    for (const { container } of apiscopeContainers)
      expect(() => optionValues(expandedArgs(container))).not.toThrow();
    expect(argsOf('sensor').spec.path).toEqual(['sensor', 'pcap']);
    expect(argsOf('pipeline').spec.path).toEqual(['pipeline']);
    expect(argsOf('api').spec.path).toEqual(['api']);
  });

  it('should set only environment names the code reads or the command line uses, from keys that exist', () => {
    const known = envNamesReadByCode();
    for (const { container } of apiscopeContainers) {
      const args = (container.args ?? []).join(' ');
      for (const e of container.env ?? []) {
        expect({ env: e.name, used: known.has(e.name) || args.includes(`$(${e.name})`) }).toEqual({
          env: e.name,
          used: true,
        });
      }
    }
    for (const o of all.filter((x) => WORKLOADS.includes(x.kind)))
      for (const e of containersOf(o).flatMap((c) => c.env ?? [])) {
        const { configMapKeyRef: cm, secretKeyRef: sk } = e.valueFrom ?? {};
        if (cm)
          expect({ key: cm.key, found: cm.name === 'apiscope-config' && cm.key in configMap }).toEqual({
            key: cm.key,
            found: true,
          });
        if (sk)
          expect({ key: sk.key, found: sk.name === 'apiscope-secrets' && sk.key in secret }).toEqual({
            key: sk.key,
            found: true,
          });
      }
    for (const key of Object.keys(configMap))
      expect({
        key,
        used: JSON.stringify(all.filter((o) => o.kind !== 'ConfigMap')).includes(`"${key}"`),
      }).toEqual({ key, used: true });
  });

  it('should capture from a DaemonSet on the host network with NET_RAW and NET_ADMIN', () => {
    const sensor = one('DaemonSet');
    const pod = sensor.spec!.template!.spec;
    expect(pod.hostNetwork).toBe(true);
    expect(pod.dnsPolicy).toBe('ClusterFirstWithHostNet');
    const security = pod.containers[0].securityContext!;
    expect(security.runAsUser).toBe(0);
    // SETUID/SETGID: Debian's tcpdump switches to its own user after opening the interface
    expect(security.capabilities?.add).toEqual(
      expect.arrayContaining(['NET_RAW', 'NET_ADMIN', 'SETUID', 'SETGID']),
    );
    expect(security.capabilities?.drop).toEqual(['ALL']);
    const sink = parseKafkaUrl(argsOf('sensor').values.get('--sink')!);
    expect(sink.topic).toBe(DEFAULT_CALLS_TOPIC);
  });

  it('should scale the pipeline on consumer lag of its own group and topic', () => {
    const pipeline = one('Deployment', 'apiscope-pipeline');
    const { values } = argsOf('pipeline');
    const source = parseKafkaUrl(values.get('--source')!);
    const scaled = one('ScaledObject');
    expect(scaled.spec!.scaleTargetRef!.name).toBe(pipeline.metadata.name);
    const trigger = scaled.spec!.triggers!.find((t) => t.type === 'kafka')!;
    expect(trigger.metadata).toEqual(
      expect.objectContaining({
        consumerGroup: values.get('--group'),
        topic: source.topic,
        bootstrapServers: source.brokers.join(','),
      }),
    );
    expect(Number(trigger.metadata['lagThreshold'])).toBeGreaterThan(0);
    expect(scaled.spec!.maxReplicaCount).toBeGreaterThan(scaled.spec!.minReplicaCount!);
    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.spec!.scaleTargetRef).toEqual(
      expect.objectContaining({ kind: 'Deployment', name: pipeline.metadata.name }),
    );
    expect(hpa.spec!.metrics!.map((m) => m.type)).toEqual(['External']);
  });

  it('should probe the API on /healthz at the port it listens on, and route its Service there', () => {
    const api = one('Deployment', 'apiscope-api');
    const container = api.spec!.template!.spec.containers[0];
    const { values } = argsOf('api');
    expect(values.get('--host')).toBe('0.0.0.0');
    const port = Number(values.get('--port'));
    const resolvePort = (p: string | number) =>
      typeof p === 'number' ? p : container.ports?.find((x) => x.name === p)?.containerPort;
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe?.httpGet?.path).toBe('/healthz');
      expect(resolvePort(probe!.httpGet!.port)).toBe(port);
    }
    const service = one('Service', 'apiscope-api');
    expect(resolvePort(service.spec!.ports![0].targetPort)).toBe(port);
    expect(api.spec!.template!.metadata.labels).toEqual(expect.objectContaining(service.spec!.selector));
  });

  it('should point CLICKHOUSE_URL at the ClickHouse pointer service and apply cluster.sql from the documented ConfigMap', () => {
    const pointer = one('Service', 'clickhouse');
    expect(pointer.spec?.type).toBe('ExternalName');
    expect(new URL(configMap['CLICKHOUSE_URL']).hostname).toMatch(
      new RegExp(`^clickhouse\\.${kustomization.namespace}(\\.|$)`),
    );
    const job = one('Job');
    const volume = job.spec!.template!.spec.volumes!.find((v) => v.configMap)!;
    const readme = readFileSync(join(DEPLOY_DIR, 'README.md'), 'utf8');
    expect(readme).toContain(
      `create configmap ${volume.configMap!.name} --from-file=deploy/clickhouse/cluster.sql`,
    );
    expect(JSON.stringify(job)).toContain('/cluster.sql');
  });
});
