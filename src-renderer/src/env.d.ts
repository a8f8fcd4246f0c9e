// Types the renderer gets from Vite (import.meta.glob, CSS imports).
/// <reference types="vite/client" />
