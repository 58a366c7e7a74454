// Loaded with --import into the service by `BENCH_OVERLOAD_GC_REPORT=1 npm run bench overload`: V8 then
// prints every garbage collection, and the benchmark reports the longest pauses.
import v8 from 'node:v8';

v8.setFlagsFromString('--trace-gc');
