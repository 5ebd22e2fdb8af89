import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

type RenderGraphiQL = typeof renderGraphiQL;

/**
 * A GraphiQL renderer that uses the bundled assets of `@graphql-yoga/render-graphiql` instead of a CDN, so the
 * page works on machines with no internet access. The page (several MB) is rendered once per set of options.
 */
export function createOfflineGraphiQL(): RenderGraphiQL {
  const rendered = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options ?? {});
    let page = rendered.get(key);
    if (page === undefined) {
      page = renderGraphiQL(options);
      rendered.set(key, page);
    }
    return page;
  };
}
