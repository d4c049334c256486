import { describe, expect, it } from 'vitest'
import { diffMigrationsToSchema } from '~/utils/migrations.server.ts'
import { prisma } from '~/utils/db.server.ts'

describe('migrations', () => {
  it('agree with schema.prisma (run `npm run db:migration -- <name>` when this fails)', async () => {
    expect(await diffMigrationsToSchema()).toBe('')
  })

  it('are recorded in _prisma_migrations', async () => {
    const rows = await prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.finished_at !== null)).toBe(true)
  })

  it('make audit events append-only in the database itself', async () => {
    const event = await prisma.auditEvent.create({ data: { action: 'test', subjectType: 'Test', subjectId: 'x' } })
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'forged' } })).rejects.toThrow()
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow()
    expect((await prisma.auditEvent.findUnique({ where: { id: event.id } }))?.action).toBe('test')
  })
})
