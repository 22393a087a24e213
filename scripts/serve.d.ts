// Types of scripts/serve.js for the e2e tests.
import type { Server } from 'http';

export function serve(dir: string, opts?: { port?: number; host?: string; tls?: { cert: Buffer; key: Buffer } | null }): Promise<Server>;
export function devCerts(): { cert: Buffer; key: Buffer } | null;
export function build(opts?: { quiet?: boolean }): void;
export function buildIsStale(): boolean;
