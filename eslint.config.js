// ESLint flat config: the browser modules under docs/javascripts, the offline service
// worker, their Node unit tests under tests/js, and this file. Versions are pinned in
// package.json and package-lock.json.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: [".venv/", "site/", "node_modules/", ".cache/", "docs/javascripts/vendor/"] }, // vendor/: npm packages as published
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    // The offline service worker, a module too (registered with type: "module").
    files: ["src/reading_program/render/offline_files/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.serviceworker } },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  {
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
      "no-implicit-globals": "error",
    },
  },
];
