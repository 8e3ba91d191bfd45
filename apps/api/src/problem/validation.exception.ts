import { BadRequestException, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Flattens nested class-validator errors into `field.path: problem` pairs. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    // class-validator leaves `property` empty for a problem with the value as a whole
    const property = typeof error.property === 'string' && error.property !== '' ? error.property : '(body)';
    const field =
      parent === '' ? property : /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, problem: message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** At most this many field problems are reported: a body with 5,000 bad elements gets a bounded answer. */
const MAX_PROBLEMS = 20;

/** A 400 whose problem body names each offending field. */
export class RequestValidationException extends BadRequestException {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => ({
      field: p.field.slice(0, 200),
      problem: p.problem.slice(0, 300),
    }));
    const more = problems.length - shown.length;
    super(shown.map((p) => `${p.field}: ${p.problem}`).join('; ') + (more > 0 ? `; and ${more} more` : ''));
    this.problems = shown;
  }
}
