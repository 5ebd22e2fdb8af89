/** One sample of a Prometheus text exposition: metric name, labels, value. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/g;
const COMMENT = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$/;

/** Parses the Prometheus text exposition format (version 0.0.4), throwing on any line that is not valid in it. */
export function parsePrometheusText(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (!COMMENT.test(line)) throw new Error(`Not a Prometheus comment line: ${line}`);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? '';
    let consumed = 0;
    for (const label of body.matchAll(LABEL)) {
      labels[label[1]] = label[2];
      consumed += label[0].length;
    }
    if (consumed !== body.length) throw new Error(`Bad labels in Prometheus line: ${line}`);
    // Values are floats as Go's strconv.ParseFloat reads them: NaN and Inf in any case.
    const special = /^([+-]?)(inf|nan)$/i.exec(match[3]);
    const value = special ? (special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity) : Number(match[3]);
    if (Number.isNaN(value) && !special) throw new Error(`Bad value in Prometheus line: ${line}`);
    samples.push({ name: match[1], labels, value });
  }
  return samples;
}

/** The value of the sample `name` whose labels include `labels`, summed over the matches; 0 when none matches. */
export function sampleValue(samples: PrometheusSample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** GETs `/metrics` next to `graphqlUrl` and parses it. */
export async function scrape(graphqlUrl: string): Promise<PrometheusSample[]> {
  const response = await fetch(new URL('/metrics', graphqlUrl));
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('text/plain; version=0.0.4')) throw new Error(`GET /metrics answered ${response.headers.get('content-type')}`);
  return parsePrometheusText(await response.text());
}
