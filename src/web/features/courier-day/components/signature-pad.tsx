// A signature drawn with a finger: pointer strokes on a canvas, kept as a PNG for the proof of delivery.
import { useCallback, useEffect, useRef, useState } from 'react';

export function SignaturePad({ onChange }: { onChange: (signature: Blob | undefined) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ratio = window.devicePixelRatio || 1;
    el.width = el.clientWidth * ratio;
    el.height = el.clientHeight * ratio;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0f172a';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const finish = useCallback(() => {
    if (!drawing.current) return;
    drawing.current = false;
    canvas.current?.toBlob((blob) => onChange(blob ?? undefined), 'image/png');
  }, [onChange]);

  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
    setEmpty(true);
    onChange(undefined);
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        className="signature-pad__canvas"
        data-testid="signature-pad"
        aria-label="Sign here with your finger"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const { x, y } = point(e);
          const ctx = e.currentTarget.getContext('2d');
          ctx?.beginPath();
          ctx?.moveTo(x, y);
          ctx?.lineTo(x + 0.1, y + 0.1);
          ctx?.stroke();
          setEmpty(false);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const { x, y } = point(e);
          const ctx = e.currentTarget.getContext('2d');
          ctx?.lineTo(x, y);
          ctx?.stroke();
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <div className="signature-pad__footer">
        <span className="muted">{empty ? 'Ask the recipient to sign above.' : 'Signed.'}</span>
        <button type="button" className="button button--ghost" onClick={clear} disabled={empty}>
          Clear
        </button>
      </div>
    </div>
  );
}
