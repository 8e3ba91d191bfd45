/**
 * Browser code of the API reference page (/api/docs). The page itself is static and holds no
 * document: it fetches /api/docs/openapi.json with the key the reader types once (kept in the
 * tab's sessionStorage, dropped on a 401), and sends the same key on "Try it out".
 * Swagger UI takes these options as functions; @nestjs/swagger writes a function's source into the
 * page, so each is a stub whose toString() is the browser source below.
 */
const STORAGE_KEY = 'apiscope.apiKey';

const REQUEST_INTERCEPTOR = `(request) => {
  let key = window.sessionStorage.getItem('${STORAGE_KEY}');
  if (!key) {
    key = window.prompt('apiscope API key (viewer or admin) to read the API reference:') || '';
    if (key) window.sessionStorage.setItem('${STORAGE_KEY}', key.trim());
  }
  if (key && !request.headers.Authorization) request.headers.Authorization = 'Bearer ' + key.trim();
  return request;
}`;

const RESPONSE_INTERCEPTOR = `(response) => {
  if (response.status === 401) window.sessionStorage.removeItem('${STORAGE_KEY}');
  return response;
}`;

function browserFunction(source: string): () => void {
  const stub = () => undefined;
  stub.toString = () => source;
  return stub;
}

export const SWAGGER_UI_OPTIONS = {
  requestInterceptor: browserFunction(REQUEST_INTERCEPTOR),
  responseInterceptor: browserFunction(RESPONSE_INTERCEPTOR),
  persistAuthorization: false,
};
