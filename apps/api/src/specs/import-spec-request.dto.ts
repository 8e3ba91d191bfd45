import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

import { MAX_SPEC_BYTES } from '@apiscope/inventory';

export class ImportSpecRequestDto {
  @ApiProperty({
    example: 'api.example.com',
    description: 'service name as apiscope reports it (host without default port)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(/^[^\s\u0000-\u001f]+$/, { message: 'service must be a host name or ip:port without spaces' })
  service!: string;

  @ApiProperty({ description: 'OpenAPI 2.0, 3.0 or 3.1 document, JSON or YAML text' })
  @IsString()
  @MinLength(2)
  @MaxLength(MAX_SPEC_BYTES)
  document!: string;
}
