// Keeps the self-test's own connections out of a TCP server's client list and log. Plain Node.
import type { Socket } from 'node:net';
import { formatPeer } from './error-messages';

/** The self-test's side: say where a probe connected from, and when it is finished. */
export interface ProbeHandle {
  /** The probe's local endpoint, as formatPeer writes it ("127.0.0.1:53211"). */
  connectedFrom(peer: string): void;
  done(): void;
}

type Admit = (socket: Socket, address: string, port: number) => void;

interface Held {
  socket: Socket;
  address: string;
  port: number;
  peer: string;
}

/**
 * How a probe is recognised: a probe learns its local port only once its connect has started, and
 * the listener may accept that connection before or after the probe's 'connect' event runs. So
 * while any probe is under way, new connections are held (paused, not announced); a probe that
 * connected names its endpoint, and the held or later connection from there is closed unseen. When
 * the last probe is done the others are admitted as boards, with nothing lost: they were only
 * paused, for at most the probes' timeout. Endpoints named before their connection was accepted
 * wait in `expected` until it is.
 */
export class ProbeRegistry {
  private active = 0;
  private held: Held[] = [];
  private readonly expected = new Set<string>();

  constructor(private readonly admit: Admit) {}

  /** Decide for a freshly accepted connection: hide it, hold it, or admit it. */
  route(socket: Socket, address: string, port: number): void {
    // Without a probe under way or expected, a connection is a board's (the common case, worked
    // out without formatting its address a second time).
    if (this.active === 0 && this.expected.size === 0) {
      this.admit(socket, address, port);
      return;
    }
    const peer = formatPeer(address, port);
    if (this.expected.delete(peer)) {
      this.hide(socket);
    } else if (this.active > 0) {
      socket.pause();
      this.held.push({ socket, address, port, peer });
    } else {
      this.admit(socket, address, port);
    }
  }

  begin(): ProbeHandle {
    this.active += 1;
    let finished = false;
    return {
      connectedFrom: (peer) => {
        if (finished) return;
        const index = this.held.findIndex((h) => h.peer === peer);
        const [held] = index >= 0 ? this.held.splice(index, 1) : [];
        if (held) this.hide(held.socket);
        else this.expected.add(peer);
      },
      done: () => {
        if (finished) return;
        finished = true;
        this.active -= 1;
        if (this.active > 0) return;
        const held = this.held;
        this.held = [];
        for (const h of held) this.admit(h.socket, h.address, h.port);
      },
    };
  }

  /** The server is stopping: nothing held will be admitted any more. */
  dispose(): void {
    for (const h of this.held) this.hide(h.socket);
    this.held = [];
    this.expected.clear();
  }

  /** Closed at once; the listener's own close still waits for it, so no handle is left behind. */
  private hide(socket: Socket): void {
    socket.destroy();
  }
}
