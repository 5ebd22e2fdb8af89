export { loadObservabilityConfig, observabilityEnv, observabilityFromEnv, type ObservabilityConfig } from './config';
export { createLogger, type CreateLoggerOptions, type DestinationStream, type Logger } from './create-logger';
export { MAX_REQUEST_ID_LENGTH, REQUEST_ID_HEADER, requestIdFor } from './request-id';
export { createMetricsRegistry, processMetricsRegistry, renderMetrics, type CreateMetricsRegistryOptions } from './metrics-registry';
export { createTracing, type CreateTracingOptions, type Tracing } from './create-tracing';
export { extractTraceContext, traceHeaders } from './trace-context';
export { drainHttpServer, type DrainHttpServerOptions, type DrainResult } from './drain-http-server';
export { closeWebSockets, type ClosableWebSocket, type CloseWebSocketsOptions, type WebSocketServerLike } from './close-web-sockets';
export { shutdownOnSignals, type ShutdownOnSignalsOptions } from './shutdown-on-signals';
