/**
 * DuckDB settings for an instance that imports or builds figure facts (openDatabase,
 * openSnapshot), given when the instance is created.
 *
 * `block_allocator_memory`: by default DuckDB gives every 256 kB buffer block back to the
 * allocator when it is freed, and the operating system hands out fresh zeroed pages the
 * next time, so an import at national scale page-faults about 1.2 million times (11 of its
 * 57 CPU seconds were system time). With a block allocator, freed blocks are kept and used
 * again. The memory is taken only as blocks are needed and, once taken, is not given back
 * to the operating system: the cap is a sixth of the machine's memory, at most 4 GiB (an
 * import at national scale peaks near 5 GB whatever the setting). Measured for issue 9:
 * the national import 29–30 s against 32–34 s without, interleaved.
 */
import { totalmem } from 'node:os';

const GiB = 1024 ** 3;

/** Bytes the block allocator may keep: a sixth of the machine's memory, at most 4 GiB. */
export function blockAllocatorBytes(machineBytes: number = totalmem()): number {
  return Math.min(4 * GiB, Math.floor(machineBytes / 6));
}

export function writerInstanceOptions(machineBytes?: number): Record<string, string> {
  return { block_allocator_memory: `${blockAllocatorBytes(machineBytes)}B` };
}
