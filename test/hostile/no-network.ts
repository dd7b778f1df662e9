/**
 * Hostile tests create connections and webhooks with whatever URL the fuzzer makes up, and a
 * connection without base_url points at the real marketplace. This process must never reach past
 * the loopback: every outbound TCP connection to another host is redirected to a closed local port
 * (so it fails like an unreachable marketplace, with no DNS lookup) and counted.
 */

import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const loopback = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
// Port 9 (discard) is closed on this machine: a connection there is refused at once.
const CLOSED_PORT = 9;

export const blockedHosts: string[] = [];
let installed = false;

type ConnectArgs = unknown[];

function redirect(args: ConnectArgs): ConnectArgs {
  const [first] = args;
  if (first === null || typeof first !== 'object') {
    // connect(port, host?) form.
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    if (loopback.has(host)) return args;
    blockedHosts.push(host);
    return [CLOSED_PORT, '127.0.0.1', ...args.slice(2)];
  }
  const options = first as { host?: string; path?: string; servername?: string };
  if (options.path !== undefined) return args;
  const host = options.host ?? 'localhost';
  if (loopback.has(host)) return args;
  blockedHosts.push(host);
  const { lookup: _lookup, ...rest } = options as Record<string, unknown>;
  return [{ ...rest, host: '127.0.0.1', port: CLOSED_PORT, servername: undefined }, ...args.slice(1)];
}

export function forbidOutboundNetwork(): void {
  if (installed) return;
  installed = true;
  const netConnect = net.connect;
  const tlsConnect = tls.connect;
  const patchedNet = (...args: ConnectArgs) =>
    (netConnect as (...a: ConnectArgs) => net.Socket)(...redirect(args));
  const patchedTls = (...args: ConnectArgs) =>
    (tlsConnect as (...a: ConnectArgs) => tls.TLSSocket)(...redirect(args));
  net.connect = patchedNet as typeof net.connect;
  net.createConnection = patchedNet as typeof net.createConnection;
  tls.connect = patchedTls as typeof tls.connect;
  syncBuiltinESMExports();
}
