// Types of scripts/serve.js for the e2e tests.
import type { Server } from 'http';

export function serve(dir: string, opts?: { port?: number; host?: string }): Promise<Server>;
