import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * A free-text input: a string, bounded, without control characters (NUL, CR, LF, ESC...), which no
 * service name, path or name contains and which would only ever reach logs or queries as mischief.
 */
export const PrintableText = (maxLength: number) =>
  applyDecorators(
    IsString(),
    MaxLength(maxLength),
    Matches(/^[^\u0000-\u001f\u007f]*$/, { message: '$property must not contain control characters' }),
  );
