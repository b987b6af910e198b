// Lets TypeScript accept what Vite bundles: the stylesheet import in main.tsx.
/// <reference types="vite/client" />
