import { ApiProperty } from '@nestjs/swagger';

import { EndpointIdText } from '../validation/endpoint-id-text.decorator';

export class EndpointIdParamDto {
  @ApiProperty({ description: 'opaque endpoint id, as `id` in endpoint lists', pattern: '^[A-Za-z0-9_-]+$' })
  @EndpointIdText()
  id!: string;
}
