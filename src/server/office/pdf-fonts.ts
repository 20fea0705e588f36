/**
 * The PDF documents' font: DejaVu Serif from the `dejavu-fonts-ttf` package (TrueType, every Vietnamese letter), read
 * from node_modules once and embedded by pdfkit as a subset of the glyphs used: nothing is fetched at run time and the
 * reader needs no font of his own. The member sheet and the reports draw with it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;

/** The three faces of DejaVu Serif, read on first use. */
export function loadPdfFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf')),
    italic: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf')),
  };
  return fonts;
}
