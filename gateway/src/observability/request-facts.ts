import type { Principal } from '@junction/federation/identity';
import type { Span } from '@opentelemetry/api';

/** What the gateway learns about one request while serving it, for its log line, metrics and trace. */
export interface RequestFact {
  /** The request id: the caller's (when safe) or a new one. */
  requestId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The operation's name, once parsed. */
  operationName?: string;
  /** `query`, `mutation` or `subscription`, once parsed. */
  operationType?: string;
  /** The caller, once identified (never the key itself). */
  principal?: Principal;
  /** Each error of the answer: its `extensions.code` and the subgraph that caused it ('' for the gateway's own). */
  errors: Array<{ code: string; subgraph: string }>;
  /** The request's server span, when tracing. */
  span?: Span;
  /** The operation's span, when tracing. */
  operationSpan?: Span;
}

/** The {@link RequestFact} of each request in flight, keyed by the request (so nothing outlives it). */
export class RequestFacts {
  private readonly facts = new WeakMap<Request, RequestFact>();

  /** Starts the fact of `request`. */
  begin(request: Request, requestId: string): RequestFact {
    const fact: RequestFact = { requestId, startedAt: performance.now(), errors: [] };
    this.facts.set(request, fact);
    return fact;
  }

  /** The fact of `request`, if it was begun. */
  of(request: Request | undefined): RequestFact | undefined {
    return request ? this.facts.get(request) : undefined;
  }
}
