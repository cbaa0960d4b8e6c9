import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Rows rendered past each edge once the table has been scrolled, so a fast scroll shows no gap. */
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
  // No overscan until the first scroll: a new profile's table then lays out only what is
  // on screen, in the frame right after the graph (a third fewer rows to shape and place).
  const [scrolled, setScrolled] = useState(false);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: React.UIEvent<HTMLElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
    setScrolled(true);
  }, []);

  const visible = height > 0 ? Math.ceil(height / rowHeight) : INITIAL_ROWS;
  const overscan = scrolled ? OVERSCAN_ROWS : 0;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.floor(scrollTop / rowHeight) + visible + overscan);
  return {
    containerRef,
    onScroll,
    first,
    last,
    padTop: first * rowHeight,
    padBottom: Math.max(0, (count - last) * rowHeight),
  };
}
