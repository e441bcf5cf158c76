import { createApp } from 'vue';
import App from './App.vue';
import { readConfig } from './config.ts';
import './styles.css';

const config = readConfig(window.location.search, navigator.language, window.location.hash);
// Read once: the signed identity need not stay in the address for anything else in the frame to see.
if (window.location.hash) history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
document.documentElement.lang = config.lang;
document.documentElement.style.setProperty('--accent', config.accent);
createApp(App, { config }).mount('#app');
