/**
 * Where the plot sits inside the chart: room on the left for the widest value label,
 * below for the time labels. Pure, so it can be decided before anything is drawn.
 */

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Axis labels are 11 px system-ui with tabular digits: about 6.2 px a character. */
const CHAR_WIDTH_PX = 6.2;
const TOP = 6;
const RIGHT = 12;
const BOTTOM = 20;
const LABEL_GAP = 8;

export function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH_PX);
}

export function chartMargins(valueLabels: string[]): Margins {
  const widest = valueLabels.reduce((max, label) => Math.max(max, estimateLabelWidth(label)), 0);
  return { top: TOP, right: RIGHT, bottom: BOTTOM, left: Math.max(28, widest + LABEL_GAP + 4) };
}

export function plotSize(width: number, height: number, margins: Margins): { width: number; height: number } {
  return {
    width: Math.max(0, width - margins.left - margins.right),
    height: Math.max(0, height - margins.top - margins.bottom),
  };
}
