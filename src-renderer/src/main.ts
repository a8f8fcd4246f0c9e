// The renderer's composition root: picks the bridge, installs Pinia, i18n and the router, mounts App.
// The only file that calls getBridge(); everything else gets it from the stores.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { bridgePlugin, getBridge } from './bridge';
import { createLabI18n } from './i18n';
import { createLabRouter } from './router';
import './theme.css';

createApp(App).use(createPinia()).use(createLabI18n()).use(createLabRouter()).use(bridgePlugin(getBridge())).mount('#app');
