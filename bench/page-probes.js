// In-page probes the bench injects into SocketBench's page (browser mode): they read the UI by its
// accessible names and time what the user would see, on the page's own clock.
(() => {
  const wall = () => performance.timeOrigin + performance.now();
  const digits = (text) => Number(String(text ?? '').replace(/[^\d]/g, '') || '0');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

  const finders = {
    rx: () => document.querySelector('output[aria-label="RX"]'),
    entries: () =>
      [...document.querySelectorAll('span')].find((el) =>
        /^[\d,]+ entr(?:y|ies)$/.test(el.textContent.trim()),
      ),
  };

  /** A number shown on screen: its value, when it last changed, and who waits for it to reach one. */
  const watches = new Map();
  function watch(name) {
    watches.get(name)?.observer.disconnect();
    const el = finders[name]();
    if (!el) throw new Error(`no ${name} on the page`);
    const w = { value: digits(el.textContent), at: wall(), waiters: [] };
    w.observer = new MutationObserver(() => {
      const value = digits(el.textContent);
      if (value === w.value) return;
      w.value = value;
      w.at = wall();
      w.waiters = w.waiters.filter(([target, resolve]) => {
        if (value < target) return true;
        resolve(w.at);
        return false;
      });
    });
    w.observer.observe(el, { characterData: true, childList: true, subtree: true });
    watches.set(name, w);
  }

  const toggle = () =>
    [...document.querySelectorAll('button[aria-pressed]')].find((b) =>
      /^(Pause|Resume)$/.test(b.textContent.trim()),
    );
  // What waits while paused shows over the log, not in the toolbar: look in the whole log panel,
  // but not in its rows (payloads could say "waiting" too).
  const waitingShown = (panel) =>
    [...panel.querySelectorAll('span:not([role="log"] span)')].some((s) => /\bwaiting\b/.test(s.textContent));
  let toggleMeasure;
  let toggleDiag;

  let frames;

  window.__bench = {
    watch(names) {
      for (const name of names) watch(name);
    },
    value: (name) => ({ value: watches.get(name)?.value, at: watches.get(name)?.at }),
    /** Wall time at which `name` first showed at least `target` (now, if it already does). */
    reach(name, target) {
      const w = watches.get(name);
      if (w.value >= target) return Promise.resolve(w.at);
      return new Promise((resolve) => w.waiters.push([target, resolve]));
    },

    /**
     * Arms a measurement of the next click on Pause / Resume: from the click event's timestamp to the
     * frame that shows its effect. Pause's effect: the button reads pressed and the waiting count is
     * on screen (over the log); Resume's: the button reads not pressed and the waiting count is gone. Returns where
     * to click, so the click needs no further round trip to a busy page.
     */
    armToggle(pressed) {
      const button = toggle();
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = button.getBoundingClientRect();
      const bar = button.closest('section') ?? button.parentElement;
      let clickAt;
      const at = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      toggleDiag = () => ({
        wanted: pressed,
        pressed: toggle()?.getAttribute('aria-pressed'),
        waiting: waitingShown(bar),
        clicked: clickAt !== undefined,
        at,
        under: document.elementFromPoint(at.x, at.y)?.outerHTML.slice(0, 120),
      });
      toggleMeasure = new Promise((resolve) => {
        const shown = () =>
          toggle()?.getAttribute('aria-pressed') === String(pressed) && waitingShown(bar) === pressed;
        const observer = new MutationObserver(() => {
          if (clickAt === undefined || !shown()) return;
          observer.disconnect();
          nextFrame().then((t) => resolve(t - clickAt));
        });
        observer.observe(bar, { attributes: true, childList: true, subtree: true, characterData: true });
        document.addEventListener(
          'click',
          (e) => {
            // A click that lands elsewhere (the toolbar reflowed under the pointer) is not one.
            if (!(e.target instanceof Node) || !button.contains(e.target)) {
              observer.disconnect();
              resolve({ missed: e.target?.outerHTML?.slice(0, 120) ?? String(e.target) });
              return;
            }
            clickAt = e.timeStamp;
          },
          { capture: true, once: true },
        );
      });
      return at;
    },
    toggleResult: () => toggleMeasure,
    /** What the armed measurement sees now, for a report when the effect never shows. */
    toggleDiag: () => toggleDiag?.(),

    /** Frame intervals (ms) from now until framesStop(): long ones mean a busy main thread. */
    framesStart() {
      frames = { gaps: [], last: performance.now(), on: true };
      const tick = (t) => {
        if (!frames.on) return;
        frames.gaps.push(t - frames.last);
        frames.last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    framesStop() {
      frames.on = false;
      const gaps = frames.gaps.slice().sort((a, b) => a - b);
      const at = (p) =>
        gaps[Math.min(gaps.length - 1, Math.max(0, Math.ceil((p / 100) * gaps.length) - 1))] ?? 0;
      return { frames: gaps.length, p50: at(50), p99: at(99), max: gaps[gaps.length - 1] ?? 0 };
    },

    /** Whether the traffic log is scrolled to its end (following the tail). */
    logAtEnd() {
      const log = document.querySelector('[role="log"][aria-label="Traffic log"]');
      return !!log && log.scrollHeight - log.scrollTop - log.clientHeight <= 24;
    },
    /**
     * The last row the log shows that is not about a connection (a data row, or a "not shown" one):
     * its time, byte count and payload as text.
     */
    lastDataRow() {
      const rows = [...document.querySelectorAll('[role="log"][aria-label="Traffic log"] .row')];
      const last = rows
        .reverse()
        .find(
          (row) => !/^Client .* (dis)?connected/.test(row.querySelector('.system-text')?.textContent ?? ''),
        );
      if (!last) return undefined;
      const size = last.querySelector('.size');
      const payload = last.querySelector('.payload') ?? last.querySelector('.system-text');
      return {
        data: !!size,
        time: last.querySelector('.time')?.textContent ?? '',
        size: digits(size?.textContent),
        text: payload?.textContent ?? last.textContent,
      };
    },

    /**
     * Scrolls the traffic log up a screen per frame for `ms` (or until the top), as a user dragging
     * through history would: the frame gaps say whether it stays smooth.
     */
    async scrollLog(ms) {
      const log = document.querySelector('[role="log"][aria-label="Traffic log"]');
      const gaps = [];
      let last = await nextFrame();
      const end = last + ms;
      while (last < end && log.scrollTop > 0) {
        log.scrollTop = Math.max(0, log.scrollTop - log.clientHeight);
        const t = await nextFrame();
        gaps.push(t - last);
        last = t;
      }
      gaps.sort((a, b) => a - b);
      const at = (p) =>
        gaps[Math.min(gaps.length - 1, Math.max(0, Math.ceil((p / 100) * gaps.length) - 1))] ?? 0;
      return { frames: gaps.length, p50: at(50), p99: at(99), max: gaps[gaps.length - 1] ?? 0 };
    },
    /** Rows of the Clients list in the DOM (a virtualized list keeps only the visible ones). */
    clientRows: () => document.querySelectorAll('[aria-label="Clients"] li').length,
    /** Scrolls the Clients list to its end; ms until the second frame after it (laid out and painted). */
    async scrollClients() {
      const list = document.querySelector('[aria-label="Clients"]');
      let box = list;
      while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
      const start = performance.now();
      if (box) box.scrollTop = box.scrollHeight;
      await nextFrame();
      const end = await nextFrame();
      return { ms: end - start, scrolled: !!box };
    },
  };

  // Start-up: the first frame at which the UI can be used, i.e. the log is on screen and the
  // engine's sessions are in (the Sessions list is no longer busy).
  const ready = () => {
    const log = document.querySelector('[role="log"][aria-label="Traffic log"]');
    const sessions = document.querySelector('[aria-label="Sessions"]');
    return !!log && !!sessions && sessions.getAttribute('aria-busy') !== 'true';
  };
  const poll = () => {
    if (ready()) window.__bench.interactiveAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
