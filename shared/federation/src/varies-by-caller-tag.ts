/** The `@tag` name that marks, in the supergraph, what a subgraph answers differently for different callers. */
export const VARIES_BY_CALLER_TAG = 'varies-by-caller';
