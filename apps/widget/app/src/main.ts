import { createApp } from 'vue';
import App from './App.vue';
import { readConfig } from './config.ts';
import './styles.css';

const config = readConfig(window.location.search, navigator.language);
document.documentElement.lang = config.lang;
document.documentElement.style.setProperty('--accent', config.accent);
createApp(App, { config }).mount('#app');
