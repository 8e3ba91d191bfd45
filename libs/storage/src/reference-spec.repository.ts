import { createHash } from 'node:crypto';

import { type ReferenceSpec, type SpecOperation } from '@apiscope/inventory';

import { type ClickHouseStore } from './clickhouse-store';

export interface SpecVersionSummary {
  service: string;
  version: number;
  importedAt: number;
  title: string;
  openapiVersion: string;
  operations: number;
}

export interface ServiceSpecs {
  latest: ReferenceSpec;
  /** Operations of earlier versions, newest first (to tell removed operations still called). */
  earlier: SpecOperation[][];
}

interface SpecRow {
  service: string;
  version: number | string;
  imported_at_ms: number | string;
  title: string;
  openapi_version: string;
  base_path: string;
  operations: string;
}

function toSpec(row: SpecRow): ReferenceSpec {
  return {
    service: row.service,
    version: Number(row.version),
    importedAt: Number(row.imported_at_ms),
    title: row.title,
    openapiVersion: row.openapi_version,
    basePath: row.base_path,
    operations: JSON.parse(row.operations) as SpecOperation[],
  };
}

/** Versioned reference specs: each import appends version n+1 of its service. */
export class ReferenceSpecRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async add(
    spec: Omit<ReferenceSpec, 'version' | 'importedAt'>,
    document: string,
  ): Promise<SpecVersionSummary> {
    const version = (await this.versions(spec.service)).reduce((max, v) => Math.max(max, v.version), 0) + 1;
    await this.store.client
      .insert({
        table: this.store.table('reference_specs'),
        format: 'JSONEachRow',
        values: [
          {
            service: spec.service,
            version,
            title: spec.title,
            openapi_version: spec.openapiVersion,
            base_path: spec.basePath,
            operations: JSON.stringify(spec.operations),
            document,
            document_sha256: createHash('sha256').update(document).digest('hex'),
          },
        ],
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing the reference spec failed');
      });
    const stored = (await this.versions(spec.service)).find((v) => v.version === version);
    if (!stored) throw this.store.failure(new Error('spec version not readable after insert'));
    return stored;
  }

  async versions(service?: string): Promise<SpecVersionSummary[]> {
    const rows = await this.store.client
      .query({
        query: `SELECT service, version, toUnixTimestamp64Milli(imported_at) AS imported_at_ms, title, openapi_version,
                       length(JSONExtractArrayRaw(operations)) AS operation_count
                FROM ${this.store.table('reference_specs')}
                ${service === undefined ? '' : 'WHERE service = {service:String}'}
                ORDER BY service, version`,
        ...(service !== undefined && { query_params: { service } }),
        format: 'JSONEachRow',
      })
      .then((r) => r.json<SpecRow & { operation_count: number | string }>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows.map((r) => ({
      service: r.service,
      version: Number(r.version),
      importedAt: Number(r.imported_at_ms),
      title: r.title,
      openapiVersion: r.openapi_version,
      operations: Number(r.operation_count),
    }));
  }

  /** Every service's latest spec and its earlier versions' operations. */
  async byService(): Promise<Map<string, ServiceSpecs>> {
    const rows = await this.store.client
      .query({
        query: `SELECT service, version, toUnixTimestamp64Milli(imported_at) AS imported_at_ms, title, openapi_version, base_path, operations
                FROM ${this.store.table('reference_specs')} ORDER BY service, version DESC`,
        format: 'JSONEachRow',
      })
      .then((r) => r.json<SpecRow>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    const out = new Map<string, ServiceSpecs>();
    for (const row of rows) {
      const spec = toSpec(row);
      const entry = out.get(spec.service);
      if (!entry) out.set(spec.service, { latest: spec, earlier: [] });
      else entry.earlier.push(spec.operations);
    }
    return out;
  }

  async document(service: string, version: number): Promise<string | undefined> {
    const rows = await this.store.client
      .query({
        query: `SELECT document FROM ${this.store.table('reference_specs')} WHERE service = {service:String} AND version = {version:UInt32}`,
        query_params: { service, version },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ document: string }>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows[0]?.document;
  }
}
