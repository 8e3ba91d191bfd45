import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';

import { type ApiKeyRole } from '@apiscope/storage';

import { ApiProblems } from '../problem/api-problems.decorator';

export const ROLES_KEY = 'apiscope:roles';

/**
 * The roles that may call a route, besides `admin`, which may call every route. A route without
 * @Roles (and without @Public) is admin-only: closed by default. A route open only to admins
 * answers other roles 404, exactly as an unknown route, so a sensor's or a viewer's key cannot
 * map the admin surface. The roles are written into the OpenAPI document (`x-apiscope-roles`).
 */
export const Roles = (...roles: ApiKeyRole[]) => {
  const allowed = [...new Set<ApiKeyRole>(['admin', ...roles])];
  const adminOnly = allowed.length === 1;
  return applyDecorators(
    SetMetadata(ROLES_KEY, allowed),
    ApiBearerAuth(),
    ApiExtension('x-apiscope-roles', allowed),
    // every route may answer these: no/bad key, role refused (403, or 404 on admin routes), limits, storage
    ApiProblems(401, adminOnly ? 404 : 403, 429, 503),
  );
};
