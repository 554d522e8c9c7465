// Next.js configuration. The analysis core reads corpus/ and lexicons/ from disk at request time,
// so those folders are traced into the server output; Chromium (PDF export) stays an external package.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['playwright-core', 'linkedom', 'compromise'],
  outputFileTracingIncludes: {
    '/**': ['./corpus/**', './lexicons/**'],
  },
};

export default nextConfig;
