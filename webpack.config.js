// Production build of the add-in's pages: dist/taskpane.html (React pane) and dist/commands.html
// (ribbon command). Offline: no CDN at build time; Office.js is referenced by the pages themselves.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** @type {(env: unknown, argv: { mode?: string }) => import('webpack').Configuration} */
module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type-checking happens in `npm test` (tsc); the bundle only needs the JavaScript.
            options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
        templateContent: `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <title>Tablero</title>
    <script src="${OFFICE_JS}"></script>
  </head>
  <body></body>
</html>`,
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The sample plan browser mode opens first.
          { from: 'samples/plan-de-mejora-ecuador-2011.xlsx', to: 'plan-de-mejora-ecuador-2011.xlsx' },
          { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/.gitkeep'] } },
        ],
      }),
    ],
    performance: {
      // Fluent UI is large; the pane loads from localhost or the add-in's own host, once.
      maxEntrypointSize: 2_500_000,
      maxAssetSize: 2_500_000,
    },
    stats: 'errors-warnings',
  };
};
