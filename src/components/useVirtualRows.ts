import { useCallback, useLayoutEffect, useRef, useState } from 'react';

const OVERSCAN_ROWS = 20;
/** Rows rendered before the container has been measured: a screenful at 1080p. */
const INITIAL_ROWS = 40;

/**
 * Fixed-height row virtualization: which slice of `count` rows to render for the
 * container's scroll position, and the padding that stands in for the rest.
 */
export function useVirtualRows(count: number, rowHeight: number) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: React.UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop), []);

  const visible = height > 0 ? Math.ceil(height / rowHeight) : INITIAL_ROWS;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(count, Math.floor(scrollTop / rowHeight) + visible + OVERSCAN_ROWS);
  return {
    containerRef,
    onScroll,
    first,
    last,
    padTop: first * rowHeight,
    padBottom: Math.max(0, (count - last) * rowHeight),
  };
}
