// The preload: exposes exactly the SessionApi functions and onEvents on window.socketbench.
// Sandboxed, so it is bundled into one CommonJS file that requires only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL } from '../../shared/rpc/transport';
import { buildPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, buildPreloadApi(ipcRenderer));
