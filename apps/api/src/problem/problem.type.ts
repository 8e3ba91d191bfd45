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
