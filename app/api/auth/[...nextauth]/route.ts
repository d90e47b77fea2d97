import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

/**
 * next-auth's endpoints (/api/auth/session, /csrf, /signout, /callback/credentials, …).
 * The handler is built per request because the secret is looked up asynchronously (an
 * environment variable, or a random secret kept in the database; lib/data/site-secrets.ts).
 */
type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, await authOptions());
}

export { handler as GET, handler as POST };
