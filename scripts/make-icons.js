#!/usr/bin/env node
/**
 * Draws the add-in's icons (a green-headed sheet with a check badge) and writes them as PNGs into
 * assets/. Plain Node with no dependencies: shapes are signed-distance functions, each pixel is
 * supersampled for antialiasing, and the PNG is encoded here with zlib + CRC32.
 *
 *   node scripts/make-icons.js            writes assets/icon-{16,32,64,80,128}.png
 *   node scripts/make-icons.js --check    exits 1 if the committed PNGs differ from what it draws
 *
 * The layout is computed per size and snapped to whole pixels, so the 16 px ribbon icon keeps
 * crisp edges instead of being a blurred copy of the large one.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');

// Colours (RGB 0..255). A green of our own rather than Excel's brand green.
const GREEN = [26, 122, 72];
const GREEN_DARK = [17, 94, 54];
const GRID = [170, 212, 186];
const WHITE = [255, 255, 255];
const CELL = [240, 248, 243];

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA bytes (width*height*4) → PNG file bytes (8-bit RGBA, no interlace, filter 0). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- shapes (signed distances, px)

function sdRoundRect(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(px - cx) - hx;
  const dy = Math.abs(py - cy) - hy;
  const ox = Math.max(dx, 0);
  const oy = Math.max(dy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(dx, dy), 0) - r;
}

function sdCircle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

function sdSegment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

// ---------------------------------------------------------------- the picture

/** Pixel-snapped geometry for one icon size. */
function layout(S) {
  const u = S / 32;
  const snap = (v) => Math.round(v * u);
  const border = Math.max(1, Math.round(1.25 * u));
  const sheet = { x0: snap(2), y0: snap(2), x1: snap(26), y1: snap(29), r: Math.max(1, 2 * u) };
  const header = snap(8.5); // bottom edge of the green header band
  const line = Math.max(1, Math.round(0.9 * u));
  // Grid: one row line per ~5 units under the header, one column line (the name column).
  const rows = [];
  for (let y = header + Math.round(5 * u); y < sheet.y1 - border - 1; y += Math.max(3, Math.round(5 * u))) rows.push(y);
  const col = snap(10);
  let badge = { cx: 23.25 * u, cy: 23.25 * u, r: 7.25 * u, ring: Math.max(1, 1.5 * u) };
  let tick = {
    w: Math.max(1.6, 2.4 * u),
    a: [19.7 * u, 23.6 * u],
    b: [22.4 * u, 26.3 * u],
    c: [26.9 * u, 20.6 * u],
  };
  if (S <= 16) {
    // Hand-placed for 16 px: a bigger badge and a tick whose strokes land on pixel centres.
    badge = { cx: 11.5, cy: 11.5, r: 4.5, ring: 1 };
    tick = { w: 1.5, a: [8.9, 11.4], b: [10.5, 13.0], c: [13.6, 9.9] };
  }
  return { S, sheet, border, header, line, rows, col, badge, tick };
}

/** Colour (with alpha 0..1) at one sample point, painting back to front. */
function sample(L, x, y) {
  let r = 0,
    g = 0,
    b = 0,
    a = 0;
  const over = (rgb, alpha) => {
    if (alpha <= 0) return;
    r = rgb[0] * alpha + r * (1 - alpha);
    g = rgb[1] * alpha + g * (1 - alpha);
    b = rgb[2] * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  };
  const inside = (d) => (d <= 0 ? 1 : 0);
  const { sheet, border, header, line, rows, col, badge, tick } = L;

  // Sheet: green outline, white body, green header band, light grid.
  const dSheet = sdRoundRect(x, y, sheet.x0, sheet.y0, sheet.x1, sheet.y1, sheet.r);
  if (inside(dSheet)) {
    over(GREEN, 1);
    const dBody = sdRoundRect(
      x,
      y,
      sheet.x0 + border,
      sheet.y0 + border,
      sheet.x1 - border,
      sheet.y1 - border,
      Math.max(0.5, sheet.r - border),
    );
    if (inside(dBody)) {
      if (y < header) over(GREEN, 1);
      else {
        over(x < col ? CELL : WHITE, 1);
        if (y < header + line) over(GREEN_DARK, 0.5);
        for (const ry of rows) if (y >= ry && y < ry + line) over(GRID, 1);
        if (x >= col && x < col + line) over(GRID, 1);
      }
    }
  }

  // Badge: a transparent gap cut out of the sheet (reads on light and dark ribbons), green disc, white tick.
  if (inside(sdCircle(x, y, badge.cx, badge.cy, badge.r + badge.ring))) r = g = b = a = 0;
  if (inside(sdCircle(x, y, badge.cx, badge.cy, badge.r))) over(GREEN_DARK, 1);
  const dTick = Math.min(
    sdSegment(x, y, tick.a[0], tick.a[1], tick.b[0], tick.b[1]),
    sdSegment(x, y, tick.b[0], tick.b[1], tick.c[0], tick.c[1]),
  );
  if (dTick <= tick.w / 2) over(WHITE, 1);
  return [r, g, b, a];
}

function renderRgba(S, ss = 8) {
  const L = layout(S);
  const out = Buffer.alloc(S * S * 4);
  for (let py = 0; py < S; py++) {
    for (let px = 0; px < S; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample(L, px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
          // Accumulate premultiplied colour so edges against transparency stay clean.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * S + px) * 4;
      const n = ss * ss;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

function render(S) {
  return encodePng(S, S, renderRgba(S));
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const S of SIZES) {
    const file = path.join(OUT_DIR, `icon-${S}.png`);
    const png = render(S);
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
        console.error(`stale: ${path.relative(process.cwd(), file)}`);
        stale++;
      }
    } else {
      fs.writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (require.main === module) main();

module.exports = { encodePng, crc32, render, renderRgba, SIZES };
