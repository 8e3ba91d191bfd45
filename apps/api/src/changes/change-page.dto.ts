import { ApiProperty } from '@nestjs/swagger';

export class ChangeDto {
  @ApiProperty({ format: 'date-time' }) ts!: string;
  @ApiProperty({
    enum: [
      'new_service',
      'new_endpoint',
      'new_flag',
      'new_sensitive_class',
      'new_field',
      'endpoint_quiet',
      'endpoint_active_again',
      'new_finding',
    ],
  })
  kind!: string;
  @ApiProperty() service!: string;
  @ApiProperty() method!: string;
  @ApiProperty() path!: string;
  @ApiProperty({
    description:
      'flag, data class or field concerned; for new_finding, the finding id (GET /api/v1/findings)',
  })
  subject!: string;
}

export class ChangePageDto {
  @ApiProperty({ type: [ChangeDto] }) items!: ChangeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
