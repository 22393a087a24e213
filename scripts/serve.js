#!/usr/bin/env node
// `npm start`: serves the built pane (dist/) on localhost and prints where to open it.
// Builds first when dist/ is missing or older than its sources. Static files only; nothing is sent anywhere.
const http = require('http');
const https = require('https');
const os = require('os');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

/** Certificates of `npx office-addin-dev-certs install` (or TABLERO_CERT / TABLERO_KEY), when present. */
function devCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = process.env.TABLERO_CERT || path.join(dir, 'localhost.crt');
  const key = process.env.TABLERO_KEY || path.join(dir, 'localhost.key');
  return fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : null;
}

/** A static file server over `dir` (HTTPS when `tls` is given); resolves with the server once it listens. */
function serve(dir, { port = 3000, host = '127.0.0.1', tls = null } = {}) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel === '/') rel = '/taskpane.html';
    const file = path.resolve(root, `.${rel}`);
    // Nothing outside dist/ is served.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(data);
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** dist/ is missing or older than anything it is built from. */
function buildIsStale() {
  const out = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(out)) return true;
  const inputs = ['src', 'samples', 'assets', 'webpack.config.js', 'package.json', 'tsconfig.json'].map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p));
  return Math.max(...inputs.map(newestMtime)) > fs.statSync(out).mtimeMs;
}

/** The production build (webpack --mode production); throws with webpack's output when it fails. */
function build({ quiet = false } = {}) {
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`webpack build failed${quiet ? `:\n${r.stdout}\n${r.stderr}` : ''}`);
}

async function main() {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT || 3000);
  if (buildIsStale() || args.includes('--build')) {
    console.log('Building the pane (webpack --mode production)…');
    try {
      build();
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  }
  // Excel loads add-ins over HTTPS only: with development certificates installed, serve HTTPS.
  const tls = args.includes('--http') ? null : devCerts();
  let server;
  try {
    server = await serve(DIST, { port, host: 'localhost', tls });
  } catch (e) {
    console.error(`Could not listen on port ${port}: ${e.message}. Try: npm start -- --port 3001`);
    process.exit(1);
  }
  const url = `${tls ? 'https' : 'http'}://localhost:${server.address().port}/taskpane.html`;
  console.log(`
Tablero pane: ${url}

  Open it in a browser: it starts on the sample plan; "Open an .xlsx…" works on your own file,
  in memory, and "Download workbook" gives you the result. Nothing leaves your computer.

In Excel (where Excel is installed), sideload manifest.xml (it points at https://localhost:3000):
  - Excel on the web: Insert > Add-ins > More add-ins > Upload My Add-in > manifest.xml
  - Excel on Windows or Mac: see TESTING.md
${tls ? '' : `  Excel needs HTTPS: run "npx office-addin-dev-certs install" once, then npm start again.
`}
Ctrl+C to stop.`);
}

if (require.main === module) main();

module.exports = { serve, devCerts, build, buildIsStale };
