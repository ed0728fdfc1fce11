// A doorstep photo from the phone's camera, made smaller on the phone before it is kept or sent: a
// 12-megapixel photo becomes a JPEG of at most 1600 px on its long side.
import { useEffect, useState } from 'react';

const MAX_SIDE = 1600;
const QUALITY = 0.8;

export type Photo = { blob: Blob; width: number; height: number; originalBytes: number };

export async function downscalePhoto(file: Blob): Promise<Photo> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('That file is not a photo this phone can read; take the photo again.');
  }
  const ratio = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * ratio));
  const height = Math.max(1, Math.round(bitmap.height * ratio));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This phone cannot prepare the photo; send the recipient’s name instead.');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!blob) throw new Error('This phone cannot prepare the photo; send the recipient’s name instead.');
  return { blob, width, height, originalBytes: file.size };
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function PhotoCapture({ onChange }: { onChange: (photo: Blob | undefined) => void }) {
  const [photo, setPhoto] = useState<Photo>();
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<string>();

  useEffect(() => {
    if (!photo) return;
    const url = URL.createObjectURL(photo.blob);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  return (
    <div className="photo-capture">
      <label className="button button--secondary photo-capture__button">
        {photo ? 'Retake photo' : 'Take a photo'}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          data-testid="photo-input"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            setError(undefined);
            downscalePhoto(file).then(
              (p) => {
                setPhoto(p);
                onChange(p.blob);
              },
              (err: unknown) => {
                setPhoto(undefined);
                onChange(undefined);
                setError(err instanceof Error ? err.message : String(err));
              },
            );
          }}
        />
      </label>
      {error && (
        <p className="form-field__error" role="alert">
          {error}
        </p>
      )}
      {photo && preview && (
        <figure className="photo-capture__preview" data-testid="photo-preview" data-width={photo.width}>
          <img src={preview} alt="Doorstep photo" />
          <figcaption className="muted">
            {photo.width}×{photo.height}, {kb(photo.blob.size)} (taken {kb(photo.originalBytes)})
          </figcaption>
        </figure>
      )}
    </div>
  );
}
