/** One formatting for every source file; `npm run lint` checks it, `npm run format` applies it. */
module.exports = {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
};
