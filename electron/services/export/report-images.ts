/** A chart of a running report: PNG bytes, checked, with the size read from its header. */
export interface ReportImage {
  bytes: Buffer;
  width: number;
  height: number;
}

/** The pictures of one report by imageId. */
export type ReportImages = ReadonlyMap<string, ReportImage>;

/** The height that keeps a picture's proportions at a given width (in any unit). */
export function heightFor(image: ReportImage, width: number): number {
  return (width * image.height) / image.width;
}
