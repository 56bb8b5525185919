declare module 'fastify' {
  interface FastifyContextConfig {
    /** Declares a route open to anyone; every other route requires a signed-in caller. */
    public?: boolean;
  }
}

export {};
