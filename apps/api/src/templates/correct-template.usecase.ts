import { Inject, Injectable } from '@nestjs/common';

import { PathTemplater } from '@apiscope/inference';
import { InferenceStateRepository, type StoredCorrection } from '@apiscope/storage';

import { AuditService } from '../audit/audit.service';
import { type RequestOrigin } from '../audit/request-origin.type';
import { type Principal } from '../auth/principal.type';
import { InventoryCacheService } from '../inventory/inventory-cache.service';
import { RequestValidationException } from '../problem/validation.exception';
import { type TemplateCorrectionDto, type TemplateCorrectionResponseDto } from './template-correction.dto';

const toResponse = (c: StoredCorrection): TemplateCorrectionResponseDto => ({
  service: c.service,
  action: c.action,
  template: c.template,
  createdAt: new Date(c.createdAt).toISOString(),
});

/**
 * Records a user's correction of a service's templates. It is applied on top of the learnt state
 * by every reader (past calls follow it at once) and by pipeline workers (future calls do).
 */
@Injectable()
export class CorrectTemplateUseCase {
  constructor(
    @Inject(InferenceStateRepository) private readonly state: InferenceStateRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(InventoryCacheService) private readonly inventory: InventoryCacheService,
  ) {}

  /** `by`: the API caller, audited (a correction re-shapes every endpoint of the service). */
  async execute(
    service: string,
    dto: TemplateCorrectionDto,
    by?: { actor: Principal; origin: RequestOrigin },
  ): Promise<TemplateCorrectionResponseDto> {
    if (service.length === 0 || service.length > 1024)
      throw new RequestValidationException([
        { field: 'service', problem: 'service must be 1 to 1024 characters' },
      ]);
    if (
      dto.action === 'split'
        ? !/\{[^}]*\}/.test(dto.template)
        : !new PathTemplater().correct(dto.action, dto.template)
    )
      throw new RequestValidationException([
        {
          field: 'template',
          problem: `cannot ${dto.action} ${JSON.stringify(dto.template)}: not a path template`,
        },
      ]);
    const saved = await this.state.saveCorrection({ service, action: dto.action, template: dto.template });
    this.inventory.invalidate();
    if (by) {
      await this.audit.record({
        action: 'template.correct',
        outcome: 'success',
        actor: by.actor,
        origin: by.origin,
        target: `templates ${service}`,
        detail: `${dto.action} ${dto.template}`,
      });
    }
    return toResponse(saved);
  }

  async list(service: string): Promise<TemplateCorrectionResponseDto[]> {
    return (await this.state.corrections([service])).map(toResponse);
  }
}
