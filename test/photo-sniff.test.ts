/** The header reader: formats by their bytes, JPEG size, EXIF orientation, truncation. */
import { expect } from './helpers/testing.js';
import { exifOrientation, readJpegHeader, sniffKind, sniffPhoto } from '../src/services/photo/sniff.js';
import { cameraJpeg, corruptJpeg, gifRenamed, heicRenamed, hugeHeaderJpeg, pngRenamed, portraitJpeg, truncated, withOrientation } from './fixtures/photo-fixtures.js';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('photo sniffing', () => {
  it('tells formats by their bytes, whatever the name says', async () => {
    expect(sniffKind(await bytesOf(await portraitJpeg(60, 84)))).to.equal('jpeg');
    expect(sniffKind(await bytesOf(await pngRenamed()))).to.equal('png');
    expect(sniffKind(await bytesOf(gifRenamed()))).to.equal('gif');
    expect(sniffKind(await bytesOf(heicRenamed()))).to.equal('heic');
    // A 1×1 lossless WebP (written out: WebKit's canvas encodes no WebP and gives a PNG instead).
    const webp = Uint8Array.from(atob('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='), (c) => c.charCodeAt(0));
    expect(sniffKind(webp)).to.equal('webp');
    expect(await createImageBitmap(new Blob([webp], { type: 'image/webp' })).then((image) => image.width)).to.equal(1);
    expect(sniffKind(new TextEncoder().encode('%PDF-1.7'))).to.equal('pdf');
    expect(sniffKind(new Uint8Array([1, 2, 3, 4]))).to.equal('unknown');
  });

  it('reads the size of a JPEG from its frame header', async () => {
    const header = readJpegHeader(await bytesOf(await portraitJpeg(600, 840)))!;
    expect(header).to.include({ width: 600, height: 840, storedWidth: 600, storedHeight: 840, orientation: 1, components: 3, truncated: false });
  });

  it('applies the EXIF orientation to the size: 5–8 swap width and height', async () => {
    const stored = await portraitJpeg(840, 600);
    for (const orientation of [1, 3, 6, 8]) {
      const header = readJpegHeader(await bytesOf(await withOrientation(stored, orientation)))!;
      const swapped = orientation >= 5;
      expect(header.orientation).to.equal(orientation);
      expect([header.width, header.height]).to.deep.equal(swapped ? [600, 840] : [840, 600]);
    }
  });

  it('reads orientation 6 from the real camera JPEG (little-endian EXIF from an iPhone)', async () => {
    const header = readJpegHeader(await bytesOf(await cameraJpeg()))!;
    expect(header).to.include({ orientation: 6, storedWidth: 2448, storedHeight: 2448, truncated: false });
  });

  it('sees a cut-off JPEG, a corrupt one, and a header claiming a huge picture', async () => {
    const cut = sniffPhoto(await bytesOf(await truncated(await portraitJpeg(600, 840))));
    expect(cut.jpeg?.truncated).to.equal(true);
    expect(sniffPhoto(await bytesOf(corruptJpeg()))).to.deep.equal({ kind: 'jpeg', corrupt: true });
    expect(readJpegHeader(await bytesOf(hugeHeaderJpeg(10000, 6000)))).to.include({ width: 10000, height: 6000, truncated: false });
  });

  it('ignores a malformed EXIF block', () => {
    expect(exifOrientation(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0, 0]))).to.equal(null);
    expect(exifOrientation(new Uint8Array(4))).to.equal(null);
  });
});
