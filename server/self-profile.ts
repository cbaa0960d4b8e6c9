/**
 * The server profiles itself with @datadog/pprof (the profiler @pyroscope/nodejs
 * uses): wall time with CPU time per sample, and the sampled live heap. Every
 * interval the profiles go through the same ingest path as an upload, under
 * service_name=flamelens-server, so a fresh store has live data to look at.
 * Sample type names are normalized as @pyroscope/nodejs does (sample -> samples),
 * so the profile types match those of Node services profiled with the SDK.
 */
import { encode, heap, time } from '@datadog/pprof';
import type { Profile } from 'pprof-format';

export const SELF_SERVICE_NAME = 'flamelens-server';

const SDK_SAMPLE_TYPE_NAMES: Record<string, string> = { sample: 'samples', objects: 'inuse_objects', space: 'inuse_space' };
const SAMPLING_INTERVAL_MICROS = 10_000; // 100 Hz, the SDK's default
const HEAP_SAMPLING_BYTES = 512 * 1024;
const HEAP_STACK_DEPTH = 64;

export type ProfileSink = (gzippedPprof: Buffer, kind: 'wall' | 'heap') => Promise<void>;

function normalizeSampleTypeNames(profile: Profile): void {
  const strings = profile.stringTable;
  for (const vt of profile.sampleType) {
    const renamed = SDK_SAMPLE_TYPE_NAMES[strings.strings[Number(vt.type)]];
    if (renamed) vt.type = strings.dedup(renamed);
  }
}

export class SelfProfiler {
  private timer: NodeJS.Timeout | undefined;
  private collecting: Promise<void> | undefined;
  private reportedError = false;

  constructor(
    private readonly sink: ProfileSink,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    time.start({
      intervalMicros: SAMPLING_INTERVAL_MICROS,
      durationMillis: this.intervalMs,
      withContexts: true, // required by collectCpuTime
      collectCpuTime: true,
    });
    heap.start(HEAP_SAMPLING_BYTES, HEAP_STACK_DEPTH);
    this.timer = setInterval(() => {
      this.collecting ??= this.collect().finally(() => (this.collecting = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  private async collect(): Promise<void> {
    try {
      const wall = time.stop(true);
      normalizeSampleTypeNames(wall);
      await this.sink(await encode(wall), 'wall');
      const live = heap.profile();
      normalizeSampleTypeNames(live);
      await this.sink(await encode(live), 'heap');
    } catch (error) {
      // One line, once: a failing self-profile must not flood the log or stop the server.
      if (!this.reportedError) console.error(`flamelens: self-profiling failed: ${(error as Error).message}`);
      this.reportedError = true;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.collecting;
    if (time.isStarted()) time.stop(false);
    heap.stop();
  }
}
