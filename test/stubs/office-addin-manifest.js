// office-addin-mock requires office-addin-manifest only for manifest helpers it never uses in our
// tests; the real package is ESM-only and jest's CommonJS runtime cannot load it.
module.exports = {};
