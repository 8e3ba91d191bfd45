import { readApiKey, signOut } from '../session/session.util';
import { ApiError } from './api-error.exception';
import { type Problem } from './api.type';

export type QueryValue = string | number | undefined | null;

/** `/api/v1/endpoints?service=a&limit=100`, skipping empty values. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? body : {};
  } catch {
    return {};
  }
}

function messageOf(status: number, problem: Problem): string {
  const fields = problem.errors?.map((e) => `${e.field}: ${e.problem}`).join('; ');
  if (fields) return fields;
  if (problem.detail) return problem.detail;
  if (status === 0) return 'the API could not be reached';
  return problem.title ?? `the API answered ${status}`;
}

/**
 * GET from the REST API with the session's key, exactly as a script would (`Authorization: Bearer`).
 * A 401 ends the session: the key was wrong, expired or revoked, and the app goes back to sign-in.
 */
export function apiGet<T>(url: string, signal?: AbortSignal, key = readApiKey()): Promise<T> {
  return apiRequest<T>('GET', url, undefined, signal, key);
}

/** POST a JSON body (spec upload); the refusal's reasons come back in the ApiError's message. */
export function apiPost<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('POST', url, body, signal, readApiKey());
}

async function apiRequest<T>(
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
  key: string | null,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(key !== null && { Authorization: `Bearer ${key}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(signal && { signal }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'the API could not be reached: is apiscope running?');
  }
  if (response.ok) return (await response.json()) as T;
  const problem = await problemOf(response);
  if (response.status === 401 && key !== null && key === readApiKey()) signOut('refused');
  const retry = Number(response.headers.get('Retry-After'));
  throw new ApiError(
    response.status,
    messageOf(response.status, problem),
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}
