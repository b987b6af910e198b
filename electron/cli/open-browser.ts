// Opening the user's default browser at the browser-mode URL, best effort. Plain Node.
import { spawn } from 'node:child_process';

export interface LaunchCommand {
  command: string;
  args: string[];
  /** Windows' `start` needs its arguments untouched by Node's quoting. */
  verbatim?: boolean;
}

/** The platform's "open this URL" command, or undefined where there is no desktop to open it on. */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): LaunchCommand | undefined {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // The empty "" is start's window title; without it a quoted URL would be taken as the title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser detached and forgets it; a failure only means the user opens the URL by hand. */
export function openBrowser(url: string): boolean {
  const launch = browserCommand(url, process.platform, process.env);
  if (!launch) return false;
  try {
    const child = spawn(launch.command, launch.args, {
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: launch.verbatim ?? false,
    });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
