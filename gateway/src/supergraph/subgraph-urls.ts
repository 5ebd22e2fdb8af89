/**
 * The URL the gateway sends each subgraph's requests to, by name: the one the supergraph gives it
 * (`@join__graph(name: "chains", url: "…")`), unless `overrides` (`config.subgraphUrls`) names another.
 */
export function subgraphUrls(supergraph: string, overrides: Record<string, string> = {}): Record<string, string> {
  const fromSupergraph = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => [name, url]);
  return { ...Object.fromEntries(fromSupergraph), ...overrides };
}
