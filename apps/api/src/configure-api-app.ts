import { Server as TlsServer } from 'node:tls';

import { UnsupportedMediaTypeException, ValidationPipe } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { MAX_SPEC_BYTES } from '@apiscope/inventory';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';

import { type ApiOptions } from './api-options.type';
import { AuthenticationMiddleware } from './auth/authentication.middleware';
import { OpenApiDocumentService } from './docs/openapi-document.service';
import { SWAGGER_UI_OPTIONS } from './docs/swagger-ui.constant';
import { RateLimitService } from './limits/rate-limit.service';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RequestValidationException, flattenValidationErrors } from './problem/validation.exception';
import { webCatalog } from './ui/web-catalog.middleware';
import { jsonBody } from './validation/json-body.middleware';
import { SafeBodyPipe } from './validation/safe-body.pipe';

export const DEFAULT_INGEST_BODY_LIMIT = 64 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/**
 * HTTP concerns shared by every host of the API (CLI `up`/`api`, tests): one place, one order.
 * The host must create the app with `bodyParser: false`: bodies are parsed here, after
 * authentication, so a stranger cannot make the server read a 64 MiB body.
 *
 * Order of a request: security headers -> CORS -> rate limit per address (and failed-auth lockout)
 * -> web catalog (static files and the SPA fallback, never under /api or /healthz) -> authentication
 * -> rate limit per key -> body (size per route) -> routing -> access guard (roles) -> validation -> handler; errors anywhere -> problem+json.
 */
export function configureApiApp(app: NestExpressApplication, options: ApiOptions): void {
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const tls = app.getHttpServer() instanceof TlsServer;
  // HSTS only over TLS: on plain HTTP the header is ignored by browsers and tells a false story
  app.use(
    helmet({
      strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      // upgrade-insecure-requests would send a plain-HTTP page's own scripts to https:// and break it
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: tls ? [] : null } },
    }),
  );
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: [
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'RateLimit-Policy',
      ],
      credentials: false,
      maxAge: 600,
    });
  }
  app.use('/api', noStore);
  const limits = app.get(RateLimitService);
  const authentication = app.get(AuthenticationMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) =>
    guarded(next, () => limits.checkClient(req, res)),
  );
  if (options.uiDir !== undefined) app.use(webCatalog(options.uiDir));
  app.use((req: Request, res: Response, next: NextFunction) => authentication.use(req, res, next));
  app.use((req: Request, res: Response, next: NextFunction) =>
    guarded(next, () => limits.checkKey(req, res)),
  );
  app.use(requireJsonBody);
  app.use('/api/v1/ingest', jsonBody(options.ingestBodyLimitBytes ?? DEFAULT_INGEST_BODY_LIMIT));
  // a reference spec travels as one JSON string: its own (bounded) size, not the 16 KiB default
  app.use('/api/v1/specs', jsonBody(MAX_SPEC_BYTES + 64 * 1024));
  app.use(jsonBody(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT));
  app.useGlobalPipes(
    new SafeBodyPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
    }),
  );
  // Errors thrown before routing (authentication, body parser) also need the problem format.
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  app.get(OpenApiDocumentService).set(document);
  SwaggerModule.setup('api/docs', app, document, {
    // the JSON is served by OpenApiController, behind a key; the page fetches it (see SWAGGER_UI_OPTIONS)
    raw: false,
    swaggerUrl: '/api/docs/openapi.json',
    patchDocumentOnRequest: () => undefined as unknown as OpenAPIObject,
    swaggerOptions: SWAGGER_UI_OPTIONS,
    customSiteTitle: 'apiscope API',
  });
}

function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('apiscope API')
      .setDescription(
        'Passive API discovery: inventory, ingest, keys, audit. Every route but /healthz needs ' +
          '`Authorization: Bearer <key>`; each operation lists the roles that may call it in ' +
          '`x-apiscope-roles`. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/** Runs a synchronous check as express middleware: its exception becomes the request's error. */
function guarded(next: NextFunction, check: () => void): void {
  try {
    check();
  } catch (error) {
    next(error);
    return;
  }
  next();
}

/** API answers hold inventory data and, once, new keys: no cache may keep them. */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A body in anything but JSON is refused with 415 before it is read. */
function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    next(new UnsupportedMediaTypeException('send request bodies as application/json'));
    return;
  }
  next();
}
