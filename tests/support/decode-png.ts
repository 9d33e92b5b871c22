/**
 * PNG checks for chart tests: the image really decoded (through canvas's own decoder, not just
 * its header read), its size, and how much of it is ink rather than white background.
 */
import { createCanvas, loadImage } from 'canvas';

/** Decodes a PNG and measures the share of pixels that are not (near) white. */
export async function decodePng(png: Buffer): Promise<{ width: number; height: number; ink: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) ink++;
  return { width: image.width, height: image.height, ink: ink / (image.width * image.height) };
}
