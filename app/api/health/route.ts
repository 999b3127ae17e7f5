import { NextResponse } from 'next/server';
import { health } from '@/lib/health';
import { publicRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** 200 when Postgres and Redis answer, 503 naming the one that does not. */
export const GET = publicRoute({ checkOrigin: false }, async () => {
  const h = await health();
  return NextResponse.json(h, { status: h.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
