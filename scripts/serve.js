#!/usr/bin/env node
// `npm start`: serves the built pane (dist/) on localhost and prints where to open it.
// Builds first when dist/ is missing. Static files only; nothing is sent anywhere.
const http = require('http');
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

/** A static file server over `dir`; resolves with the server once it listens. */
function serve(dir, { port = 3000, host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
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
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT || 3000);
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')) || args.includes('--build')) {
    console.log('Building the pane (webpack --mode production)…');
    const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  let server;
  try {
    server = await serve(DIST, { port });
  } catch (e) {
    console.error(`Could not listen on port ${port}: ${e.message}. Try: npm start -- --port 3001`);
    process.exit(1);
  }
  const url = `http://localhost:${server.address().port}/taskpane.html`;
  console.log(`
Tablero pane: ${url}
  Open it in a browser: it starts on the sample plan; "Open an .xlsx…" works on your own file,
  in memory, and "Download workbook" gives you the result. Nothing leaves your computer.

In Excel (where Excel is installed), sideload manifest.xml:
  - Excel on the web: Insert > Add-ins > Upload My Add-in > manifest.xml
  - Excel on Windows/Mac: see TESTING.md (shared-folder catalog or the add-ins folder)
  Excel loads add-ins only over HTTPS: serve dist/ at the address manifest.xml names.

Ctrl+C to stop.`);
}

if (require.main === module) main();

module.exports = { serve };
