/** What a GraphQL HTTP call returned. */
export interface GraphQLResponse<Data = any> {
  /** HTTP status. */
  status: number;
  /** The `data` member. */
  data?: Data;
  /** The `errors` member. */
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  /** Response headers. */
  headers: Headers;
}

/** POSTs a GraphQL operation to `url` and returns the parsed answer. */
export async function graphqlRequest<Data = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: Data; errors?: GraphQLResponse['errors'] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`Expected JSON from ${url}, got HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}
