import type { Postgres } from './processes.js';
export async function runFaults(_options: { postgres: Postgres | null; durationS: number }): Promise<unknown> {
  return null;
}
