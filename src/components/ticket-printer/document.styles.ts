import { css } from 'lit';

/**
 * The printed documents' own styles: used in the element (the document on screen, as on paper)
 * and, as text, in the hidden print frame, so they style plain elements by class only.
 */
export const documentStyles = css`
  .doc {
    box-sizing: border-box;
    width: 100%;
    max-width: 190mm;
    margin: 0 auto;
    padding: 8mm;
    background: #ffffff;
    color: #000000;
    font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif;
    font-size: 11pt;
    line-height: 1.45;
  }
  .doc *,
  .doc *::before,
  .doc *::after {
    box-sizing: border-box;
  }
  .doc h1 {
    margin: 0 0 4mm;
    font-size: 15pt;
    text-align: center;
    line-height: 1.3;
    /* Lines of even length: no "表" alone on the last one. */
    text-wrap: balance;
  }
  .doc .head {
    display: flex;
    gap: 4mm;
    align-items: flex-start;
    justify-content: space-between;
    margin-bottom: 3mm;
  }
  .doc .head > div {
    min-width: 0;
  }
  .doc .number {
    margin: 0;
    font-size: 12pt;
  }
  .doc .number strong {
    font-family: 'Courier New', monospace;
    font-size: 13pt;
    letter-spacing: 0.05em;
  }
  .doc .barcode {
    display: block;
    width: 80mm;
    height: auto;
    max-width: 100%;
  }
  .doc .photo {
    flex: none;
    width: 26mm;
    height: 36.4mm;
    border: 1px solid #000000;
    object-fit: cover;
    display: flex;
    align-items: center;
    justify-content: center;
    font-size: 9pt;
  }
  .doc table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  .doc th,
  .doc td {
    border: 1px solid #000000;
    padding: 1.2mm 2mm;
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .doc th {
    width: 22%;
    font-weight: normal;
    background: #f2f2f2;
  }
  .doc .subjects th {
    width: auto;
  }
  .doc .status {
    margin: 3mm 0 0;
    font-weight: bold;
  }
  .doc .foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 2mm;
    margin-top: 3mm;
    font-size: 9.5pt;
  }
  .doc h2 {
    margin: 4mm 0 2mm;
    font-size: 12pt;
  }
  .doc ol {
    margin: 0;
    padding-left: 6mm;
    font-size: 9.5pt;
  }
  .doc .sections {
    display: grid;
    gap: 3mm;
  }
  @media print {
    @page {
      size: A4;
      margin: 12mm;
    }
    html,
    body {
      margin: 0;
      background: #ffffff;
    }
    .doc {
      max-width: none;
      padding: 0;
    }
    .doc table,
    .doc tr {
      break-inside: avoid;
    }
  }
`;
