/**
 * The inventory document in a canonical order (services by name, endpoints by method and path),
 * so two runs that stored the same data compare equal whatever order their batches landed in.
 */
export function canonicalInventory(doc: unknown): unknown {
  const { services } = doc as {
    services: Array<{ name: string; endpoints: Array<{ method: string; path: string }> }>;
  };
  return services
    .map((s) => ({
      ...s,
      endpoints: [...s.endpoints].sort((a, b) =>
        `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
