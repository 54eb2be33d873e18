// ESLint for the TypeScript tooling (deploy/, the web app and the client's hand-written index.ts): ESLint's and
// typescript-eslint's recommended rules, the type-checked ones included, with types from tsconfig.json.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Generated (scripts/codegen.mjs) or built: not code anyone writes by hand.
  globalIgnores(["clients/ts/src/contracts/", ".build/", "node_modules/", "schema/", "target/", "artifacts/"]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test runs the promise its test() returns itself; everything else must be awaited.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs"],
    extends: [js.configs.recommended],
  },
);
