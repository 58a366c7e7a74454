import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type MetricLabels = Record<string, string | number>;

/**
 * What other modules are handed instead of prom-client (the same call shapes, so prom-client's own
 * classes are these): a number that only goes up, such as requests or failures.
 */
export interface CounterMetric {
  inc(value?: number): void;
  inc(labels: MetricLabels, value?: number): void;
}

/** A number that goes up and down, such as a queue depth or open connections. */
export interface GaugeMetric {
  set(value: number): void;
  set(labels: MetricLabels, value: number): void;
  inc(value?: number): void;
  inc(labels: MetricLabels, value?: number): void;
  dec(value?: number): void;
  dec(labels: MetricLabels, value?: number): void;
}

/** A distribution of values, such as latencies or batch sizes. */
export interface HistogramMetric {
  observe(value: number): void;
  observe(labels: MetricLabels, value: number): void;
}

const secondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Due work should be picked up within a sweep interval; minutes of lag mean the sweep cannot keep up. */
const lagBuckets = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600];
const batchBuckets = [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000];

/**
 * The service's metrics, one registry per running service (tests start many in one process, so nothing
 * goes into prom-client's global registry). The named metrics below are the ones the service itself
 * feeds; `counter`/`gauge`/`histogram` let any module add its own by name, getting the same instance back
 * when the name is already registered, so a component that is wired twice does not throw.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = this.histogram(
    'stempel_http_request_duration_seconds',
    'HTTP requests by method, route pattern and status, with their latency; _count counts the requests',
    ['method', 'route', 'status'],
    secondsBuckets,
  );
  readonly sweepLag = this.histogram(
    'stempel_due_sweep_lag_seconds',
    'How long after its due moment the due-sweep claimed a piece of due work',
    [],
    lagBuckets,
  );
  readonly sweepBatchSize = this.histogram(
    'stempel_due_sweep_batch_size',
    'Due executions found per batch of the due-sweep',
    [],
    batchBuckets,
  );
  readonly sweepDuration = this.histogram(
    'stempel_due_sweep_duration_seconds',
    'Duration of one due-sweep pass',
    [],
    [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 20, 30],
  );
  readonly sweepWork = this.counter(
    'stempel_due_sweep_work_total',
    'Work done by the due-sweep besides executions: reminders, overdue notices, expired actions, repaired events',
    ['kind'],
  );
  readonly executions = this.counter(
    'stempel_executions_total',
    'Executions of semi-automatic and automatic actions by outcome and by who started them (sweep or person)',
    ['outcome', 'trigger'],
  );
  readonly deliveryQueueDepth = this.gauge(
    'stempel_delivery_queue_depth',
    'Outbound chat messages waiting to be sent or being sent, all platforms',
  );
  readonly deliverySent = this.counter(
    'stempel_delivery_sent_total',
    'Chat messages posted (kind="post") and posted cards updated (kind="update"), per platform',
    ['platform', 'kind'],
  );
  readonly deliveryFailures = this.counter(
    'stempel_delivery_failures_total',
    'Failed chat sends per platform: outcome="retry" will be tried again, outcome="failed" was given up',
    ['platform', 'kind', 'outcome'],
  );
  readonly jobFailures = this.counter(
    'stempel_scheduler_job_failures_total',
    'Agenda jobs that threw, per job name',
    ['job'],
  );
  readonly databaseConnections = this.gauge(
    'stempel_db_pool_connections',
    'MongoDB driver connections: state="open" all pooled connections, state="in_use" the checked-out ones',
    ['state'],
  );
  readonly databaseCheckoutsWaiting = this.gauge(
    'stempel_db_pool_checkouts_waiting',
    'Operations waiting for a pooled MongoDB connection',
  );
  readonly databaseCheckoutFailures = this.counter(
    'stempel_db_pool_checkout_failures_total',
    'Connection checkouts that failed (pool closed, timeout, connection error)',
    ['reason'],
  );

  /** Reads that only make sense when someone looks, e.g. counting the outbox: run before every scrape. */
  readonly #scrapeHooks: Array<() => Promise<void>> = [];

  get contentType(): string {
    return this.registry.contentType;
  }

  onScrape(hook: () => Promise<void>): void {
    this.#scrapeHooks.push(hook);
  }

  /**
   * The Prometheus text exposition of every metric. A hook that fails (the database is away) leaves its
   * metric at the last value rather than failing the scrape: the other metrics are what tells why.
   */
  async text(): Promise<string> {
    await Promise.all(this.#scrapeHooks.map((hook) => hook().catch(() => undefined)));
    return this.registry.metrics();
  }

  /** Process CPU, memory, event loop lag and GC: once per service, not per test app. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): CounterMetric {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter;
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): GaugeMetric {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Gauge;
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    buckets: number[] = secondsBuckets,
  ): HistogramMetric {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Histogram;
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
