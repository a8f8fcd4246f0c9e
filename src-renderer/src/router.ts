// The lab's screens. Hash history, so the built UI works from file-like origins and from the headless host alike.
import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router';
import BoardView from './views/BoardView.vue';
import ExplorerView from './views/ExplorerView.vue';
import LessonView from './views/LessonView.vue';
import NightlightView from './views/NightlightView.vue';
import PlaygroundView from './views/PlaygroundView.vue';

export const routes = [
  { path: '/', redirect: '/explorer' },
  { path: '/explorer', component: ExplorerView, meta: { titleKey: 'nav.explorer' } },
  { path: '/playground', component: PlaygroundView, meta: { titleKey: 'nav.playground' } },
  { path: '/nightlight', component: NightlightView, meta: { titleKey: 'nav.nightlight' } },
  { path: '/board', component: BoardView, meta: { titleKey: 'nav.board' } },
  { path: '/lesson', component: LessonView, meta: { titleKey: 'nav.lesson' } },
  { path: '/:unknown(.*)*', redirect: '/explorer' },
];

export function createLabRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({ history, routes });
}
