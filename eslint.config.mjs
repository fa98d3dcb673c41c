// ESLint for our browser components (classic scripts: the offline edition runs from file://)
// and their node unit tests. Run: npx eslint (make lint-js).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "site-offline/", "dist/", ".venv/", ".cache/", "**/*.min.js"] },
  js.configs.recommended,
  {
    files: ["scripts/curriculum_tools/site/components/**/*.js", "site_overrides/assets/javascripts/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, globalThis: "readonly", __md_get: "readonly" },
    },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
      "no-implicit-globals": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "AssignmentExpression[left.property.name=/^on[a-z]+$/]", message: "Events only through addEventListener." },
        { selector: "CallExpression[callee.property.name='getElementById']", message: "Look up inside the component root, not by page-wide id." },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: "Text is set as textContent, never as HTML." },
      ],
    },
  },
  {
    // Material's own start-up code, moved out of inline scripts: it looks up the page by id.
    files: ["site_overrides/assets/javascripts/*.js"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
