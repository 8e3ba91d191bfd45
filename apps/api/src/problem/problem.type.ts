/** RFC 9457 problem details, the body of every error apiscope's API returns. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Field-level reasons of a validation problem. */
  errors?: Array<{ field: string; problem: string }>;
}

export const PROBLEM_BASE = 'https://apiscope.dev/problems/';

/** The stable `type`s (after PROBLEM_BASE): clients may switch on them. */
export const PROBLEM_SLUGS = [
  'bad-request',
  'validation',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'payload-too-large',
  'unsupported-media-type',
  'too-many-requests',
  'overloaded',
  'storage',
  'storage-timeout',
  'internal',
  'error',
] as const;
export type ProblemSlug = (typeof PROBLEM_SLUGS)[number];
