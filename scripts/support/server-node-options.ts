/**
 * Node options of a production server process (`npm start`, scripts/start.ts). V8 sizes its
 * heap limit from the machine's memory (gigabytes on a machine of 24 GB) and grows the heap
 * rather than collect while far below it: uncapped, the server's RSS was 434–485 MB after the
 * benchmark's warm-up and 503–558 MB at its end, most of it anonymous memory (the V8 heap).
 * With SERVER_HEAP_LIMIT_MB V8 collects before it grows.
 * A --max-old-space-size already in NODE_OPTIONS wins.
 */
export const SERVER_HEAP_LIMIT_MB = 256;

export function serverNodeOptions(current = process.env.NODE_OPTIONS ?? ""): string {
  if (/--max-old-space-size[= ]/.test(current)) return current;
  return `${current} --max-old-space-size=${SERVER_HEAP_LIMIT_MB}`.trim();
}
