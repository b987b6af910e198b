// The interface list: fetched once on demand, never twice at a time, a failure kept as its sentence
// and retried on the next need.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { InterfaceAddress } from '../../../shared/contract/model';
import { createNetworkStore } from './network-store';

const LO: InterfaceAddress = {
  name: 'lo',
  address: '127.0.0.1',
  family: 'IPv4',
  prefixLength: 8,
  internal: true,
  mac: '00:00:00:00:00:00',
};

describe('network store', () => {
  it('lists once for several needs, and again on refresh', async () => {
    let calls = 0;
    const store = createNetworkStore({
      listInterfaces: async () => {
        calls++;
        return [LO];
      },
    });
    store.ensure();
    store.ensure();
    expect(store.getState().loading).toBe(true);
    await store.refresh();
    expect(calls).toBe(1);
    expect(store.getState()).toMatchObject({ interfaces: [LO], loading: false });
    store.ensure();
    await store.refresh();
    expect(calls).toBe(2);
  });

  it('keeps the failure as a sentence, and retries on the next need', async () => {
    let fail = true;
    const store = createNetworkStore({
      listInterfaces: async () => {
        if (fail) throw new ApiError('E_TRANSPORT', 'The connection to the engine was lost.');
        return [LO];
      },
    });
    await store.refresh();
    expect(store.getState()).toMatchObject({
      error: 'The connection to the engine was lost.',
      loading: false,
    });
    fail = false;
    store.ensure();
    await store.refresh();
    expect(store.getState()).toMatchObject({ interfaces: [LO], error: undefined });
  });

  it('opens and closes the panel', () => {
    const store = createNetworkStore({ listInterfaces: async () => [] });
    store.setPanelOpen(true);
    expect(store.getState().panelOpen).toBe(true);
  });
});
