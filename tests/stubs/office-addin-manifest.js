// Stand-in for office-addin-manifest inside jest (see jest.config.js): office-addin-mock only needs it to load.
module.exports = {};
