import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './app/router.ts';
import { createAppI18n, storedLanguage } from './i18n/index.ts';
import './style.css';

const language = storedLanguage();
document.documentElement.lang = language;

const app = createApp(App);
app.use(createPinia());
app.use(createAppI18n(language));
app.use(createAppRouter());
app.mount('#app');
