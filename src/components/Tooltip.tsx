import type { CSSProperties, ReactNode } from 'react';

const OFFSET = 14;

/**
 * Follows the pointer; in the right or lower part of its container it opens towards the
 * other side, so it stays inside without measuring itself. Content is React text, never HTML.
 */
export function Tooltip({ x, y, bounds, children }: { x: number; y: number; bounds: { width: number; height: number }; children: ReactNode }) {
  const style: CSSProperties = {};
  if (x > bounds.width * 0.55) style.right = bounds.width - x + OFFSET;
  else style.left = x + OFFSET;
  if (y > bounds.height * 0.55) style.bottom = bounds.height - y + OFFSET;
  else style.top = y + OFFSET;
  return (
    <div className="tooltip" data-testid="tooltip" role="tooltip" style={style}>
      {children}
    </div>
  );
}
