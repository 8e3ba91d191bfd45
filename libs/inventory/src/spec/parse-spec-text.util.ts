import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';

import { normaliseSpecDocument, serverBasePath } from './normalise-spec-document.util';
import { type SpecOperation } from './reference-spec.type';
import { SpecImportException, SpecImportExceptionCode } from './spec-import.exception';

export const MAX_SPEC_BYTES = 10 * 1024 * 1024;

export interface ParsedSpec {
  title: string;
  openapiVersion: string;
  basePath: string;
  operations: SpecOperation[];
}

type Json = Record<string, unknown>;

/**
 * Parses an OpenAPI 2.0 / 3.0 / 3.1 document (JSON or YAML), validates it and resolves its internal
 * `$ref`s with @apidevtools/swagger-parser. External references are not followed: a spec is data
 * from outside and must not make apiscope read files or fetch URLs.
 */
export async function parseSpecText(text: string): Promise<ParsedSpec> {
  if (Buffer.byteLength(text) > MAX_SPEC_BYTES)
    throw new SpecImportException(
      SpecImportExceptionCode.TOO_LARGE,
      `spec is larger than ${MAX_SPEC_BYTES} bytes`,
    );
  let raw: unknown;
  try {
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    raw = trimmed.startsWith('{') ? JSON.parse(trimmed) : parseYaml(trimmed, { maxAliasCount: 100 });
  } catch (error) {
    throw new SpecImportException(
      SpecImportExceptionCode.NOT_PARSEABLE,
      `not JSON or YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    (!('swagger' in raw) && !('openapi' in raw))
  ) {
    throw new SpecImportException(
      SpecImportExceptionCode.NOT_OPENAPI,
      'not an OpenAPI document: no "openapi" or "swagger" field',
    );
  }
  let doc: Json;
  try {
    doc = (await SwaggerParser.validate(structuredClone(raw) as never, {
      resolve: { external: false },
      dereference: { circular: 'ignore' },
    })) as unknown as Json;
  } catch (error) {
    throw new SpecImportException(
      SpecImportExceptionCode.INVALID,
      `invalid OpenAPI document: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`,
    );
  }
  const info = (doc['info'] ?? {}) as Json;
  const declared = doc['openapi'] ?? doc['swagger'];
  const version = typeof declared === 'string' ? declared : '';
  return {
    title: typeof info['title'] === 'string' ? info['title'] : '',
    openapiVersion: version,
    basePath: serverBasePath(doc),
    operations: normaliseSpecDocument(doc),
  };
}
