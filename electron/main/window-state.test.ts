// The saved window record and where the window opens: a record out of shape is ignored, and the
// window never opens where the user cannot reach its title bar, whatever displays are left.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseWindowState,
  placeWindow,
  type Rect,
  serializeWindowState,
  WINDOW_LIMITS,
  type WindowState,
} from './window-state';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 1920, height: 1040 };
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
const state = (x: number, y: number, width = 1000, height = 700, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('the saved record', () => {
  it('reads back what was written', () => {
    const saved = state(100, 120, 1100, 760, true);
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
    expect(parseWindowState(serializeWindowState(state(-1900.4, 10.6, 800.2, 600)))).toEqual(
      state(-1900, 11, 800, 600),
    );
  });

  it('is ignored when missing, not JSON, of another version or out of shape', () => {
    const good = JSON.parse(serializeWindowState(state(10, 10))) as Record<string, unknown>;
    const bad = [
      undefined,
      '',
      '{',
      'null',
      '[]',
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, bounds: { x: 1, y: 2, width: 0, height: 700 } }),
      JSON.stringify({ ...good, bounds: { x: 1, y: 2, width: -5, height: 700 } }),
      JSON.stringify({ ...good, bounds: { x: '1', y: 2, width: 900, height: 700 } }),
      JSON.stringify({ ...good, bounds: { x: 1.5, y: 2, width: 900, height: 700 } }),
      JSON.stringify({ ...good, bounds: { x: 1e9, y: 2, width: 900, height: 700 } }),
      JSON.stringify({ ...good, bounds: { x: 1, y: 2, width: 900 } }),
      JSON.stringify({ ...good, maximized: 'yes' }),
      JSON.stringify({ ...good, bounds: null }),
    ];
    for (const text of bad) expect(parseWindowState(text), String(text)).toBeUndefined();
  });
});

describe('placeWindow', () => {
  it('opens the first run at the default size, centred on the primary display', () => {
    expect(placeWindow(undefined, [laptop, rightMonitor], WINDOW_LIMITS)).toEqual({
      bounds: { width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('opens where it was when that is on a display, on either monitor', () => {
    expect(placeWindow(state(100, 80), [laptop, rightMonitor], WINDOW_LIMITS).bounds).toEqual(
      state(100, 80).bounds,
    );
    expect(placeWindow(state(1600, 100), [laptop, rightMonitor], WINDOW_LIMITS).bounds).toEqual(
      state(1600, 100).bounds,
    );
    // Across two displays is a place too.
    expect(placeWindow(state(1000, 100), [laptop, rightMonitor], WINDOW_LIMITS).bounds).toEqual(
      state(1000, 100).bounds,
    );
  });

  it('keeps the maximized state', () => {
    expect(placeWindow(state(100, 80, 1000, 700, true), [laptop], WINDOW_LIMITS).maximized).toBe(true);
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    const placement = placeWindow(state(-1500, 100), [laptop, rightMonitor], WINDOW_LIMITS);
    expect(placement.bounds).toEqual({ width: 1000, height: 700 });
    expect(placeWindow(state(-1500, 100), [leftMonitor, laptop], WINDOW_LIMITS).bounds).toEqual(
      state(-1500, 100).bounds,
    );
  });

  it('moves a window whose title bar is off the top or mostly off the side back onto its display', () => {
    // Above the laptop's menu bar: the title bar is unreachable.
    expect(placeWindow(state(100, -300), [laptop], WINDOW_LIMITS).bounds).toEqual(state(100, 25).bounds);
    // Only 40 px left on screen at the right edge.
    expect(placeWindow(state(1400, 100), [laptop], WINDOW_LIMITS).bounds).toEqual(state(440, 100).bounds);
    // Title bar below the bottom edge.
    expect(placeWindow(state(100, 880), [laptop], WINDOW_LIMITS).bounds).toEqual(state(100, 200).bounds);
  });

  it('shrinks a window saved on a bigger display, but never below the minimum size', () => {
    const placement = placeWindow(state(10, 30, 3000, 2000), [laptop], WINDOW_LIMITS);
    expect(placement.bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    const tiny = placeWindow(state(10, 30, 200, 100), [laptop], WINDOW_LIMITS);
    expect(tiny.bounds).toMatchObject({ width: WINDOW_LIMITS.minWidth, height: WINDOW_LIMITS.minHeight });
  });

  it('always leaves the title bar reachable, for any record and any displays', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 3000 }),
    });
    const saved = fc.record({
      bounds: fc.record({
        x: fc.integer({ min: -20000, max: 20000 }),
        y: fc.integer({ min: -20000, max: 20000 }),
        width: fc.integer({ min: 1, max: 20000 }),
        height: fc.integer({ min: 1, max: 20000 }),
      }),
      maximized: fc.boolean(),
    });
    fc.assert(
      fc.property(saved, fc.array(rect, { minLength: 1, maxLength: 3 }), (record, displays) => {
        const { bounds } = placeWindow(record, displays, WINDOW_LIMITS);
        if (bounds.x === undefined || bounds.y === undefined) return true; // centred by Electron
        const { x, y, width } = bounds;
        return displays.some(
          (d) =>
            y >= d.y &&
            y + 32 <= d.y + d.height &&
            Math.min(x + width, d.x + d.width) - Math.max(x, d.x) >= Math.min(100, width),
        );
      }),
    );
  });
});
