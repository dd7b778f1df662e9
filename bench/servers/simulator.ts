/** The marketplace simulator in "no limits" mode, for benchmarks; reports its URL over IPC. */
import { startSimulator } from '../../simulator/server.ts';

const sim = await startSimulator({
  unlimited: true,
  writeLogCapacity: Number(process.env.SIM_WRITE_LOG_CAP ?? 400_000),
});
process.send?.({ url: sim.url });
process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));
