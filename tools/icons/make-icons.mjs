#!/usr/bin/env node
// Generates the add-in's PNG icons into assets/ with no dependencies (node:zlib + own CRC32),
// and the task pane's favicon.ico from the add-in icon's 16 and 32 px PNGs.
//
//   node tools/icons/make-icons.mjs                 # writes assets/*.png and assets/favicon.ico
//   node tools/icons/make-icons.mjs --out <dir>     # writes elsewhere
//   node tools/icons/make-icons.mjs --preview <file.png>   # also writes a contact sheet
//
// Deterministic: pure arithmetic, fixed zlib settings, no timestamps or text chunks, so the same
// Node.js (zlib) version produces the same bytes on every run.
//
// Drawing model: every glyph is designed on a 16 x 16 unit grid (1 unit = 1 px at 16 px, lines on
// half units so they land on whole pixels at 16 and 32 px), scaled to the target size and
// rendered by supersampling (6 x 6 samples per pixel) for anti-aliasing. Strokes get a little
// thinner, relative to the icon, at large sizes so that the 80 px icons do not look heavy.

import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");

// ---------------------------------------------------------------------------------------------
// PNG encoding
// ---------------------------------------------------------------------------------------------

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
  const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA8 pixels (Uint8ClampedArray, width*height*4) -> PNG bytes (colour type 6, no interlace). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = deflateSync(raw, { level: 9, memLevel: 9, strategy: 0 });
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * An ICO file holding PNG images byte for byte ([size, png] pairs, smallest first): the format
 * allows PNG entries, so the favicon is the add-in icon exactly as assets/ has it.
 */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(([size, png]) => {
    const entry = Buffer.alloc(16);
    entry[0] = size % 256; // width (0 means 256)
    entry[1] = size % 256; // height
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

// ---------------------------------------------------------------------------------------------
// Shapes: each is { inside(x, y) in grid units, color, mode } ; mode 'clear' erases.
// ---------------------------------------------------------------------------------------------

const hex = (h, a = 1) => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  a,
];

// Office (Excel) green family, one red accent.
const C = {
  green: hex("#217346"),
  dark: hex("#185C37"),
  mid: hex("#8CC7A1"),
  light: hex("#DDF0E3"),
  white: hex("#FFFFFF"),
  red: hex("#D13438"),
};

function segDist2(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  if (r <= 0) return true;
  const cx = Math.max(x0 + r, Math.min(x1 - r, x));
  const cy = Math.max(y0 + r, Math.min(y1 - r, y));
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Shape constructors. `sw` is the stroke scale for the current size (see strokeScale()).
const S = {
  rect: (x0, y0, x1, y1, color, r = 0) => ({
    color,
    inside: (x, y) => inRoundRect(x, y, x0, y0, x1, y1, r),
  }),
  /** Outline of a rectangle whose stroke is centred on the given edges. */
  frame: (x0, y0, x1, y1, w, color, r = 0) => ({
    color,
    stroke: true,
    build: (sw) => {
      const h = (w * sw) / 2;
      return (x, y) =>
        inRoundRect(x, y, x0 - h, y0 - h, x1 + h, y1 + h, r + h) &&
        !inRoundRect(x, y, x0 + h, y0 + h, x1 - h, y1 - h, Math.max(0, r - h));
    },
  }),
  circle: (cx, cy, r, color, mode) => ({
    color,
    mode,
    inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r,
  }),
  ring: (cx, cy, r, w, color) => ({
    color,
    stroke: true,
    build: (sw) => {
      const h = (w * sw) / 2;
      return (x, y) => {
        const d = Math.hypot(x - cx, y - cy);
        return d <= r + h && d >= r - h;
      };
    },
  }),
  /** Polyline with round joins and caps (or butt caps when cap === 'butt', straight lines only). */
  line: (pts, w, color, cap = "round") => ({
    color,
    stroke: true,
    build: (sw) => {
      const h = (w * sw) / 2;
      const h2 = h * h;
      if (cap === "butt") {
        return (x, y) => {
          for (let i = 0; i + 1 < pts.length; i++) {
            const [ax, ay] = pts[i];
            const [bx, by] = pts[i + 1];
            const dx = bx - ax;
            const dy = by - ay;
            const len = Math.hypot(dx, dy);
            const t = ((x - ax) * dx + (y - ay) * dy) / len;
            const n = Math.abs((x - ax) * dy - (y - ay) * dx) / len;
            if (t >= 0 && t <= len && n <= h) return true;
          }
          return false;
        };
      }
      return (x, y) => {
        for (let i = 0; i + 1 < pts.length; i++)
          if (segDist2(x, y, ...pts[i], ...pts[i + 1]) <= h2) return true;
        return false;
      };
    },
  }),
  polygon: (pts, color, mode) => ({ color, mode, inside: (x, y) => inPolygon(x, y, pts) }),
};

/** Strokes thin slightly, relative to the icon, as icons grow (1 unit = 1 px at 16 px). */
function strokeScale(size) {
  if (size <= 32) return 1;
  if (size <= 48) return 0.9;
  if (size <= 64) return 0.8;
  if (size <= 80) return 0.75;
  return 0.7;
}

function render(size, shapes) {
  const px = new Float64Array(size * size * 4); // premultiplied RGBA in 0..1
  const scale = size / 16;
  const sw = strokeScale(size);
  const N = 6;
  const offsets = Array.from({ length: N }, (_, i) => (i + 0.5) / N);
  for (const shape of shapes) {
    const inside = shape.stroke ? shape.build(sw) : shape.inside;
    const [r, g, b, a] = shape.color || [0, 0, 0, 1];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let hits = 0;
        for (const oy of offsets)
          for (const ox of offsets) if (inside((x + ox) / scale, (y + oy) / scale)) hits++;
        if (!hits) continue;
        const cov = hits / (N * N);
        const k = (y * size + x) * 4;
        if (shape.mode === "clear") {
          for (let c = 0; c < 4; c++) px[k + c] *= 1 - cov;
          continue;
        }
        const sa = a * cov;
        px[k] = (r / 255) * sa + px[k] * (1 - sa);
        px[k + 1] = (g / 255) * sa + px[k + 1] * (1 - sa);
        px[k + 2] = (b / 255) * sa + px[k + 2] * (1 - sa);
        px[k + 3] = sa + px[k + 3] * (1 - sa);
      }
    }
  }
  const out = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const a = px[i * 4 + 3];
    out[i * 4 + 3] = Math.round(a * 255);
    for (let c = 0; c < 3; c++) out[i * 4 + c] = a > 0 ? Math.round((px[i * 4 + c] / a) * 255) : 0;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Glyphs (16-unit grid)
// ---------------------------------------------------------------------------------------------

/** Bottom-right round badge: knock out a margin, then a green disc. */
const badge = () => [S.circle(12.5, 12.5, 4.4, null, "clear"), S.circle(12.5, 12.5, 3.5, C.green)];

const GLYPHS = {
  // App icon: a cluster (three linked nodes) on an Office-green tile.
  icon: () => [
    S.rect(0.5, 0.5, 15.5, 15.5, C.green, 3),
    S.line(
      [
        [8, 4.2],
        [4, 11.3],
        [12, 11.3],
        [8, 4.2],
      ],
      1,
      C.white
    ),
    S.circle(8, 4.2, 2.1, C.white),
    S.circle(4, 11.3, 2.1, C.white),
    S.circle(12, 11.3, 2.1, C.white),
  ],
  // 插入申报表: a form (page with fields) + "insert" plus badge.
  "insert-form": () => [
    S.rect(2.5, 1.5, 11.5, 14.5, C.white),
    S.frame(2.5, 1.5, 11.5, 14.5, 1, C.dark),
    S.line(
      [
        [4.5, 4.5],
        [6, 4.5],
      ],
      1,
      C.green,
      "butt"
    ),
    S.line(
      [
        [7, 4.5],
        [9.5, 4.5],
      ],
      1,
      C.mid,
      "butt"
    ),
    S.line(
      [
        [4.5, 7.5],
        [6, 7.5],
      ],
      1,
      C.green,
      "butt"
    ),
    S.line(
      [
        [7, 7.5],
        [9.5, 7.5],
      ],
      1,
      C.mid,
      "butt"
    ),
    S.line(
      [
        [4.5, 10.5],
        [6, 10.5],
      ],
      1,
      C.green,
      "butt"
    ),
    ...badge(),
    S.line(
      [
        [12.5, 10.5],
        [12.5, 14.5],
      ],
      1.2,
      C.white,
      "butt"
    ),
    S.line(
      [
        [10.5, 12.5],
        [14.5, 12.5],
      ],
      1.2,
      C.white,
      "butt"
    ),
  ],
  // 插入汇总表: a table with a green header row + sum (Σ) badge.
  "insert-summary": () => [
    S.rect(1.5, 2.5, 13.5, 13.5, C.white),
    S.rect(1.5, 2.5, 13.5, 5.5, C.green),
    S.line(
      [
        [5.5, 5.5],
        [5.5, 13.5],
      ],
      1,
      C.mid,
      "butt"
    ),
    S.line(
      [
        [9.5, 5.5],
        [9.5, 13.5],
      ],
      1,
      C.mid,
      "butt"
    ),
    S.line(
      [
        [1.5, 9.5],
        [13.5, 9.5],
      ],
      1,
      C.mid,
      "butt"
    ),
    S.frame(1.5, 2.5, 13.5, 13.5, 1, C.dark),
    ...badge(),
    S.line(
      [
        [14.3, 10.6],
        [10.9, 10.6],
        [12.9, 12.5],
        [10.9, 14.4],
        [14.3, 14.4],
      ],
      1.05,
      C.white
    ),
  ],
  // 检查: a magnifier whose lens holds a check mark.
  check: () => [
    S.circle(6.5, 6.5, 4.5, C.light),
    S.ring(6.5, 6.5, 4.5, 1.2, C.dark),
    S.line(
      [
        [10, 10],
        [14, 14],
      ],
      2.2,
      C.dark
    ),
    S.line(
      [
        [4.2, 6.7],
        [5.9, 8.4],
        [8.9, 4.9],
      ],
      1.3,
      C.green
    ),
  ],
  // 清除标记: an eraser (red tip, white body) wiping a line.
  clear: () => {
    const P1 = [1.4, 10.3];
    const P2 = [8.9, 2.8];
    const P3 = [13.3, 7.2];
    const P4 = [5.8, 14.7];
    const t = 0.42;
    const Q1 = [P1[0] + t * (P2[0] - P1[0]), P1[1] + t * (P2[1] - P1[1])];
    const Q2 = [P4[0] + t * (P3[0] - P4[0]), P4[1] + t * (P3[1] - P4[1])];
    return [
      S.line(
        [
          [9, 14.5],
          [15.5, 14.5],
        ],
        1,
        C.mid,
        "butt"
      ),
      S.polygon([Q1, P2, P3, Q2], C.white),
      S.polygon([P1, Q1, Q2, P4], C.red),
      S.line([P1, P2, P3, P4, P1], 1, C.dark),
      S.line([Q1, Q2], 1, C.dark),
    ];
  },
  // 打开助手: a window with its side (task) pane.
  pane: () => [
    S.rect(1.5, 2.5, 14.5, 13.5, C.white),
    S.rect(9.5, 2.5, 14.5, 13.5, C.light),
    S.rect(1.5, 2.5, 14.5, 5, C.green),
    S.line(
      [
        [9.5, 5],
        [9.5, 13.5],
      ],
      1,
      C.dark,
      "butt"
    ),
    S.line(
      [
        [11, 7.5],
        [13, 7.5],
      ],
      1,
      C.green,
      "butt"
    ),
    S.line(
      [
        [11, 9.5],
        [13, 9.5],
      ],
      1,
      C.green,
      "butt"
    ),
    S.line(
      [
        [11, 11.5],
        [12.5, 11.5],
      ],
      1,
      C.mid,
      "butt"
    ),
    S.frame(1.5, 2.5, 14.5, 13.5, 1, C.dark),
  ],
};

/** The browser tab's icon: the add-in icon at the sizes a tab and a bookmark use. */
const FAVICON = { name: "icon", sizes: [16, 32], file: "favicon.ico" };

/**
 * Every size an add-in command's <Icon> may list (16, 32 and 80 required; 20, 24, 40, 48 and 64
 * for the scaling factors between), so Office picks an exact image at any DPI instead of scaling
 * a neighbour; manifest.xml lists all eight for each button and the group. The add-in icon also
 * serves <IconUrl> (32) and <HighResolutionIconUrl> (64, what a task pane add-in must give), and
 * 128 for listings.
 */
const COMMAND_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

const OUTPUTS = [
  ["icon", [...COMMAND_SIZES, 128]],
  ["insert-form", COMMAND_SIZES],
  ["insert-summary", COMMAND_SIZES],
  ["check", COMMAND_SIZES],
  ["clear", COMMAND_SIZES],
  ["pane", COMMAND_SIZES],
];

// ---------------------------------------------------------------------------------------------
// Preview sheet (for humans): every icon on white and on dark grey, plus 16 px ones at 4x.
// ---------------------------------------------------------------------------------------------

function previewSheet(images) {
  const pad = 8;
  const rows = OUTPUTS.length;
  const cell = 128 + pad;
  const magnified = 16 * 4 + pad;
  const width = pad + 2 * OUTPUTS[0][1].reduce((s, n) => s + n + pad, 0) + magnified + pad;
  const height = pad + rows * cell;
  const out = new Uint8ClampedArray(width * height * 4);
  const fill = (x0, y0, w, h, [r, g, b]) => {
    for (let y = y0; y < y0 + h; y++)
      for (let x = x0; x < x0 + w; x++) out.set([r, g, b, 255], (y * width + x) * 4);
  };
  const blit = (img, size, x0, y0, zoom = 1) => {
    for (let y = 0; y < size * zoom; y++) {
      for (let x = 0; x < size * zoom; x++) {
        const s = (Math.floor(y / zoom) * size + Math.floor(x / zoom)) * 4;
        const d = ((y0 + y) * width + x0 + x) * 4;
        const a = img[s + 3] / 255;
        for (let c = 0; c < 3; c++) out[d + c] = Math.round(img[s + c] * a + out[d + c] * (1 - a));
      }
    }
  };
  const half = pad + OUTPUTS[0][1].reduce((s, n) => s + n + pad, 0);
  fill(0, 0, half, height, [255, 255, 255]);
  fill(half, 0, width - half, height, [51, 51, 51]);
  OUTPUTS.forEach(([name, sizes], row) => {
    const y = pad + row * cell;
    for (const bg of [0, 1]) {
      let x = pad + bg * half;
      for (const size of sizes) {
        blit(images.get(`${name}-${size}`), size, x, y);
        x += size + pad;
      }
    }
    blit(images.get(`${name}-16`), 16, width - magnified, y, 4);
  });
  return encodePng(width, height, out);
}

// ---------------------------------------------------------------------------------------------

function main() {
  const args = process.argv.slice(2);
  let outDir = path.join(repoRoot, "assets");
  let preview;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") outDir = path.resolve(args[++i]);
    else if (args[i] === "--preview") preview = path.resolve(args[++i]);
    else {
      process.stderr.write(
        "usage: node tools/icons/make-icons.mjs [--out <dir>] [--preview <file.png>]\n"
      );
      process.exit(2);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const images = new Map();
  const pngs = new Map();
  for (const [name, sizes] of OUTPUTS) {
    for (const size of sizes) {
      const rgba = render(size, GLYPHS[name]());
      images.set(`${name}-${size}`, rgba);
      const file = path.join(outDir, `${name}-${size}.png`);
      const png = encodePng(size, size, rgba);
      pngs.set(`${name}-${size}`, png);
      writeFileSync(file, png);
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
  }
  const favicon = path.join(outDir, FAVICON.file);
  writeFileSync(
    favicon,
    encodeIco(FAVICON.sizes.map((size) => [size, pngs.get(`${FAVICON.name}-${size}`)]))
  );
  process.stdout.write(`${path.relative(process.cwd(), favicon)}\n`);
  if (preview) {
    writeFileSync(preview, previewSheet(images));
    process.stdout.write(`preview: ${preview}\n`);
  }
}

main();
