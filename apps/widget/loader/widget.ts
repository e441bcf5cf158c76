import { install } from './launcher.ts';

// currentScript is only set while this script first runs, async or not; install() reads it right away.
install(window, document.currentScript instanceof HTMLScriptElement ? document.currentScript : null);
