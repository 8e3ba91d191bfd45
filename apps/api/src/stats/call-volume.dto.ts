import { ApiProperty } from '@nestjs/swagger';

import { CALL_VOLUME_INTERVALS } from '@apiscope/storage';

export class CallVolumeDto {
  @ApiProperty({ example: 'api.example.com' }) service!: string;
  @ApiProperty({ format: 'date-time', description: 'start of the bucket' }) bucket!: string;
  @ApiProperty() calls!: number;
  @ApiProperty({ description: 'answered 4xx' }) clientErrors!: number;
  @ApiProperty({ description: 'answered 5xx' }) serverErrors!: number;
  @ApiProperty({ description: 'no response seen' }) unanswered!: number;
}

export class CallVolumePageDto {
  @ApiProperty({ enum: CALL_VOLUME_INTERVALS }) interval!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [CallVolumeDto], description: 'buckets with calls only, by bucket then service' })
  items!: CallVolumeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
