/**
 * Pyroscope's naming of what a pprof upload contains. An /ingest upload gets a
 * profile name (`__name__`) from its sample types, and every sample type becomes
 * one profile type `<name>:<sample type>:<sample unit>:<period type>:<period unit>`.
 * So a Go CPU profile (samples/count, cpu/nanoseconds; period cpu/nanoseconds)
 * yields `process_cpu:cpu:nanoseconds:cpu:nanoseconds` and
 * `process_cpu:samples:count:cpu:nanoseconds`; @pyroscope/nodejs's wall profile
 * yields `wall:wall:nanoseconds:wall:nanoseconds`, its heap profile
 * `memory:inuse_space:bytes:inuse_space:bytes`.
 */

export interface SampleTypeName {
  type: string;
  unit: string;
}

export interface ProfileTypeParts {
  id: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
}

/** The profile name Pyroscope's /ingest handler gives a pprof upload (metricName in its pprof converter). */
export function profileNameFor(sampleTypes: readonly string[]): string {
  if (sampleTypes.includes('wall')) return 'wall';
  let last = '';
  for (const st of sampleTypes) {
    last = st;
    if (st.includes('cpu')) return 'process_cpu';
    if (st.includes('alloc_') || st.includes('inuse_') || st === 'space' || st === 'objects') return 'memory';
    if (st.includes('mutex_')) return 'mutex';
    if (st.includes('block_')) return 'block';
    if (st.includes('goroutines')) return 'goroutines';
  }
  return last;
}

export function profileTypesFor(
  name: string,
  sampleTypes: readonly SampleTypeName[],
  periodType: SampleTypeName | undefined,
): ProfileTypeParts[] {
  const pt = periodType ?? { type: '', unit: '' };
  return sampleTypes.map((st) => ({
    id: [name, st.type, st.unit, pt.type, pt.unit].join(':'),
    name,
    sampleType: st.type,
    sampleUnit: st.unit,
    periodType: pt.type,
    periodUnit: pt.unit,
  }));
}
