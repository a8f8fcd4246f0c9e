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

/** Loads both Telugu faces before the first paint: Chromium keeps empty boxes for Telugu text it drew while the face
 * was still loading, even after it arrives. Local files take milliseconds; a missing font never holds the app back. */
function loadTeluguFont(): Promise<unknown> {
  const faces = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "Noto Sans Telugu"`, 'అ').catch(() => []));
  return Promise.race([Promise.all(faces), new Promise((resolve) => setTimeout(resolve, 1000))]);
}

void loadTeluguFont().then(() => {
  createApp(App).use(createPinia()).use(createLabI18n()).use(createLabRouter()).use(bridgePlugin(getBridge())).mount('#app');
});
