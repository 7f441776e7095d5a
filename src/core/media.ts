export interface Media {
  id: number;
  /** Storage key of the original file, e.g. `2024/10/putin-kazan.jpg`. */
  file: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: Date;
}
