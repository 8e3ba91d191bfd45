import { applyDecorators } from '@nestjs/common';
import { Matches, MaxLength } from 'class-validator';

/**
 * The text of an endpoint id (`id` in endpoint lists: base64url, bounded). Whether it names an
 * endpoint is for parseEndpointId; this refuses what could not be one before any work is done.
 */
export const EndpointIdText = () =>
  applyDecorators(
    MaxLength(6000),
    Matches(/^[A-Za-z0-9_-]+$/, { message: '$property must be an endpoint id from an endpoint list' }),
  );
