/** Saves a drawn chart as SVG or PNG, as a download the user keeps. */
import { download } from '../shell/download';

function serialize(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // On screen the text takes the page's font; alone, a viewer would fall back to a serif one.
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  // currentColor depends on the page's theme; a file stands alone, so ink it black.
  return new XMLSerializer().serializeToString(copy).replaceAll('currentColor', '#212529');
}

export function exportSvg(svg: SVGSVGElement, fileName: string): void {
  download(new Blob([serialize(svg)], { type: 'image/svg+xml' }), fileName, '.svg');
}

/** Rasterised at twice the on-screen size, on white, so it reads in a slide or a mail. */
export async function exportPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  const url = URL.createObjectURL(new Blob([serialize(svg)], { type: 'image/svg+xml' }));
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (png) download(png, fileName, '.png');
}
