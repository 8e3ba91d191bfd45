import { ApiProperty } from '@nestjs/swagger';
import { Matches, MaxLength } from 'class-validator';

export class EndpointIdParamDto {
  @ApiProperty({ description: 'opaque endpoint id, as `id` in endpoint lists', pattern: '^[A-Za-z0-9_-]+$' })
  @MaxLength(6000)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'id must be an endpoint id from an endpoint list' })
  id!: string;
}
