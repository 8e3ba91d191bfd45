export { startEmbeddedServer } from './embedded-server';
export type { EmbeddedServer, EmbeddedServerOptions } from './embedded-server';
export { main } from './main';
export { EmbeddedAppModule } from './embedded-app.module';
