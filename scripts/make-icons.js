#!/usr/bin/env node
// Writes the add-in's icons (assets/icon-<size>.png) at every size manifest.xml names: a white "T"
// over a table-like green tile. Pure Node (zlib + a CRC table), so it runs anywhere without image
// tools. Usage: node scripts/make-icons.js
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, '..', 'assets');

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (width*height*4) → PNG bytes. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TILE = [0x1f, 0x6f, 0x4a]; // green
const LINE = [0x4f, 0x9a, 0x73]; // lighter grid lines
const MARK = [0xff, 0xff, 0xff];

/** Colour at (u, v) in [0,1)², or null outside the rounded tile. */
function shade(u, v, size) {
  const r = 0.18;
  const cu = Math.min(Math.max(u, r), 1 - r);
  const cv = Math.min(Math.max(v, r), 1 - r);
  if ((u - cu) ** 2 + (v - cv) ** 2 > r * r) return null;
  const bar = v >= 0.2 && v < 0.36 && u >= 0.2 && u < 0.8;
  const stem = u >= 0.42 && u < 0.58 && v >= 0.2 && v < 0.82;
  if (bar || stem) return MARK;
  // Grid lines only where there are enough pixels to see them.
  if (size >= 32) {
    const w = 1.2 / size;
    for (const g of [0.36, 0.59]) if (Math.abs(v - g) < w && u > 0.08 && u < 0.92) return LINE;
    for (const g of [0.3, 0.7]) if (Math.abs(u - g) < w && v > 0.36 && v < 0.92) return LINE;
  }
  return TILE;
}

function icon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, icon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { encodePng, icon, SIZES };
