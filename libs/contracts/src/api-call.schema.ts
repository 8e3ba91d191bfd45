import { API_CALL_LIMITS as L } from './api-call.limits.constant';

/**
 * JSON Schema (draft 2020-12 subset understood by Ajv) of ApiCall v1. Published so that other
 * sensors can validate what they produce; the pipeline validates every event against it.
 */
const nameValueList = (maxItems: number) => ({
  type: 'array',
  maxItems,
  items: {
    type: 'array',
    minItems: 2,
    maxItems: 2,
    items: [
      { type: 'string', maxLength: L.nameLength },
      { type: 'string', maxLength: L.valueLength },
    ],
  },
});

const body = {
  type: 'object',
  additionalProperties: false,
  required: ['size', 'truncated', 'encoding'],
  properties: {
    contentType: { type: 'string', maxLength: L.contentTypeLength },
    size: { type: 'integer', minimum: 0 },
    truncated: { type: 'boolean' },
    encoding: { enum: ['utf8', 'base64'] },
    data: { type: 'string', maxLength: L.bodyDataLength },
  },
};

const peer = {
  type: 'object',
  additionalProperties: false,
  required: ['ip', 'port'],
  properties: {
    ip: { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
  },
};

export const API_CALL_V1_SCHEMA = {
  $id: 'https://apiscope.dev/schemas/api-call.v1.json',
  title: 'ApiCall v1',
  type: 'object',
  additionalProperties: false,
  required: ['v', 'id', 'ts', 'sensor', 'request'],
  properties: {
    v: { const: 1 },
    id: { type: 'string', minLength: 1, maxLength: L.idLength },
    ts: { type: 'number', minimum: 0 },
    sensor: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind'],
      properties: {
        id: { type: 'string', minLength: 1, maxLength: L.sensorFieldLength },
        kind: { type: 'string', minLength: 1, maxLength: L.sensorFieldLength },
      },
    },
    src: peer,
    dst: peer,
    request: {
      type: 'object',
      additionalProperties: false,
      required: ['method', 'scheme', 'target', 'path', 'query', 'headers'],
      properties: {
        method: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", maxLength: L.methodLength },
        scheme: { enum: ['http', 'https'] },
        host: { type: 'string', maxLength: L.hostLength },
        target: { type: 'string', minLength: 1, maxLength: L.targetLength },
        path: { type: 'string', maxLength: L.targetLength, pattern: '^(\\*|/.*)?$' },
        query: nameValueList(L.queryCount),
        headers: nameValueList(L.headerCount),
        body,
      },
    },
    response: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'headers'],
      properties: {
        status: { type: 'integer', minimum: 100, maximum: 999 },
        headers: nameValueList(L.headerCount),
        body,
      },
    },
    durationMs: { type: 'number', minimum: 0 },
    incomplete: { type: 'boolean' },
  },
} as const;
