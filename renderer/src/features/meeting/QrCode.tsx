import { create } from 'qrcode';

/**
 * A QR code as an SVG drawn by React: one path of dark modules on a white square with the quiet
 * zone the standard asks for (four modules). Error correction M: still readable when a projector
 * or a phone camera blurs a part. No HTML is injected; the `qrcode` library only computes the modules.
 */
export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const total = modules.size + quiet * 2;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return (
    <svg className="meeting-qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${total} ${total}`} shapeRendering="crispEdges" data-testid="meeting-qr">
      <rect width={total} height={total} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
