import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject } from 'class-validator';

export const MAX_CALLS_PER_INGEST = 5000;

export class IngestRequestDto {
  /** Each element is checked against the ApiCall v1 contract by the pipeline, one by one. */
  @ApiProperty({
    description: `ApiCall v1 events (at most ${MAX_CALLS_PER_INGEST})`,
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMaxSize(MAX_CALLS_PER_INGEST)
  @IsObject({ each: true })
  calls!: Array<Record<string, unknown>>;
}
