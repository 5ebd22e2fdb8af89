/**
 * POSTs a GraphQL request and returns its `data`; throws, naming the URL, when the answer has `errors`.
 * @param variables @default {}
 * @param headers sent besides `content-type`. @default {}
 */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}
