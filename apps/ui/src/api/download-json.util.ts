import { apiGet } from './api-client.util';

/**
 * Saves an API answer as a file. The routes need the key in a header, so a plain link cannot fetch
 * them: the answer is read like any other and handed to the browser as a blob to save.
 */
export async function downloadJson(url: string, filename: string): Promise<void> {
  const body = await apiGet<unknown>(url);
  const blob = new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' });
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // the click has handed the blob over; revoking at once can cancel the save in some browsers
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** `api.shop.example.openapi.json`: a file name from a service name (ports and odd characters made safe). */
export function openApiFileName(service: string): string {
  return `${service.replace(/[^A-Za-z0-9._-]+/g, '_')}.openapi.json`;
}

export const serviceOpenApiUrl = (service: string) =>
  `/api/v1/services/${encodeURIComponent(service)}/openapi`;
