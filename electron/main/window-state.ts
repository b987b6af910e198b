// The window's size and position between runs: the record kept in window-state.json, checked field by
// field, and where to put the window so it never opens off-screen on today's displays. Pure.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximized) bounds, so un-maximizing after a restore goes back there. */
  bounds: Rect;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
const VERSION = 1;

export interface WindowLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** The first run's size, and the smallest the layout still works at. */
export const WINDOW_LIMITS: WindowLimits = { width: 1200, height: 800, minWidth: 720, minHeight: 480 };

/** Where to open: x and y absent means "centre it" (Electron's default). */
export interface Placement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/** The title bar's height and how much of it must show on a display for the user to drag it back. */
const TITLE_BAR = 32;
const MIN_GRAB = 100;
/** Larger than any real desktop; a bigger number is a corrupt record, not a monitor wall. */
const MAX_COORD = 100_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCoord = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= MAX_COORD;
const isLength = (v: unknown): v is number => isCoord(v) && (v as number) > 0;

/** The saved record, or undefined when it is missing, not ours, or any field is out of shape. */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw.version !== VERSION || !isRecord(raw.bounds)) return undefined;
  const { x, y, width, height } = raw.bounds;
  if (!isCoord(x) || !isCoord(y) || !isLength(width) || !isLength(height)) return undefined;
  if (typeof raw.maximized !== 'boolean') return undefined;
  return { bounds: { x, y, width, height }, maximized: raw.maximized };
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  const bounds = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
  return `${JSON.stringify({ version: VERSION, bounds, maximized: state.maximized }, null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}
const areaOf = (r: Rect) => r.width * r.height;
const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), Math.max(low, high));

/** The title bar can be grabbed on some display: enough of it shows, and not above a work area's top. */
function grabbable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { ...bounds, height: Math.min(TITLE_BAR, bounds.height) };
  return workAreas.some((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(MIN_GRAB, bounds.width) && seen.height === titleBar.height;
  });
}

function fitSize(size: { width: number; height: number }, area: Rect, limits: WindowLimits) {
  return {
    width: clamp(size.width, limits.minWidth, area.width),
    height: clamp(size.height, limits.minHeight, area.height),
  };
}

/**
 * Where the window opens. `workAreas` are the displays' work areas (without task bars and docks),
 * the primary one first. A saved window whose title bar can still be grabbed opens where it was (a
 * window across two displays included); one on a display that is gone opens centred on the primary
 * display; one half off a display is moved onto it. The size never exceeds the display it opens on,
 * and a window made smaller to fit is moved to fit as well.
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  limits: WindowLimits,
): Placement {
  const primary = workAreas[0];
  const wanted = saved?.bounds ?? { x: 0, y: 0, width: limits.width, height: limits.height };
  if (!primary) return { bounds: { width: wanted.width, height: wanted.height }, maximized: false };
  const centred = (): Placement => ({
    bounds: fitSize(wanted, primary, limits),
    maximized: saved?.maximized ?? false,
  });
  if (!saved) return centred();

  let home: Rect | undefined;
  let best = 0;
  for (const area of workAreas) {
    const shared = areaOf(overlap(saved.bounds, area));
    if (shared > best) {
      best = shared;
      home = area;
    }
  }
  if (!home) return centred();

  const size = fitSize(saved.bounds, home, limits);
  // A window made smaller to fit its display is also moved to fit on it.
  const shrunk = size.width < saved.bounds.width || size.height < saved.bounds.height;
  const resized = { x: saved.bounds.x, y: saved.bounds.y, ...size };
  if (!shrunk && grabbable(resized, workAreas)) return { bounds: resized, maximized: saved.maximized };
  return {
    bounds: {
      x: clamp(saved.bounds.x, home.x, home.x + home.width - size.width),
      y: clamp(saved.bounds.y, home.y, home.y + home.height - size.height),
      ...size,
    },
    maximized: saved.maximized,
  };
}
