/** The part of autocannon (no types of its own) the load benchmark uses. */
declare module 'autocannon' {
  export interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    /** Worker threads for the client; functions must then be given as paths of files to `require`. */
    workers?: number;
    requests?: Array<RawRequest & { setupRequest?: ((request: RawRequest) => RawRequest) | string }>;
  }
  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  export interface Result {
    requests: Histogram & { total: number };
    latency: Histogram & { max: number };
    /** Connection errors and timeouts: a timeout counts here and in `timeouts`. */
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Answers by HTTP status, e.g. `{ "503": { count: 4 } }`. */
    statusCodeStats: Record<string, { count: number }>;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
