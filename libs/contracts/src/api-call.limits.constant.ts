/**
 * Hard bounds of contract v1. A sensor caps bodies lower (64 KiB by default); these bounds only
 * stop hostile or broken producers from making the pipeline hold unbounded data.
 */
export const API_CALL_LIMITS = {
  idLength: 256,
  sensorFieldLength: 128,
  methodLength: 32,
  hostLength: 1024,
  targetLength: 16 * 1024,
  headerCount: 512,
  queryCount: 1024,
  nameLength: 1024,
  valueLength: 16 * 1024,
  contentTypeLength: 512,
  /** Longest `body.data` string (base64 of 12 MiB). */
  bodyDataLength: 16 * 1024 * 1024,
} as const;
