// PNGs the build writes (photo fallbacks, icons) keep only the chunks that draw the image.
/**
 * PNG chunks an image needs to be drawn as intended; every other chunk goes. libvips
 * (sharp 0.33) copies a source PNG's text chunks (tEXt, zTXt, iTXt: a camera's Make and
 * Model, an editor's comments, sometimes a whole XMP packet) into every PNG it writes,
 * although it strips EXIF and XMP everywhere else; eXIf and tIME go the same way.
 */
const PNG_KEEP = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "acTL", "fcTL", "fdAT"]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG with only the chunks in PNG_KEEP (the pixels are untouched); anything else is returned as it is. */
export function stripPng(png: Buffer): Buffer {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return png;
  const parts: Buffer[] = [png.subarray(0, 8)];
  let at = 8;
  let dropped = false;
  while (at + 12 <= png.length) {
    const size = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const end = at + 12 + size;
    if (end > png.length) return png;
    if (PNG_KEEP.has(type)) parts.push(png.subarray(at, end));
    else dropped = true;
    at = end;
    if (type === "IEND") break;
  }
  return dropped ? Buffer.concat(parts) : png;
}
