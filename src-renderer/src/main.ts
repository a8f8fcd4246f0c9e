// The renderer's composition root: picks the bridge, installs Pinia, i18n and the router, mounts App.
// The only file that calls getBridge(); everything else gets it from the stores.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { bridgePlugin, getBridge } from './bridge';
import { createLabI18n } from './i18n';
import { createLabRouter } from './router';
// Telugu script from the app itself (font-src 'self'), so it looks the same on every computer, even offline.
import '@fontsource/noto-sans-telugu/400.css';
import '@fontsource/noto-sans-telugu/700.css';
import './theme.css';

createApp(App).use(createPinia()).use(createLabI18n()).use(createLabRouter()).use(bridgePlugin(getBridge())).mount('#app');
