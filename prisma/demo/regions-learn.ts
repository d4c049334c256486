// Demo: regions learn from each other and from HQ's frame. Zuid shares "De klant kiest het kanaal"
// as an example for every region; Noord proposes its complaints guideline (v2, which halved the
// complaints) to HQ as input for the next version of "Klachten zijn cadeaus" — it waits in HQ's inbox.
import { setShared } from '~/models/examples.server.ts'
import { proposeToHq } from '~/models/proposals.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { userWithAbility } from './principles.ts'

export async function seedDemoExamplesAndProposals() {
  const [zuid, noord] = await Promise.all([
    userWithAbility('manager.zuid@leidraad.test'),
    userWithAbility('manager.noord@leidraad.test'),
  ])
  const channel = await prisma.guideline.findFirstOrThrow({
    where: { title: 'De klant kiest het kanaal' },
    select: { id: true },
  })
  await setShared(zuid.ability, zuid.user.id, channel.id, true)
  const complaints = await prisma.guideline.findFirstOrThrow({
    where: { title: 'Klachten in Noord: vastleggen en doorsturen' },
    select: { id: true },
  })
  await proposeToHq(noord.ability, noord.user.id, complaints.id, {
    kind: 'revision',
    note: 'Sinds versie 2 lossen we klachten zelf op en bellen we dezelfde dag terug. De klachten over deze regel daalden van ongeveer 8 naar 2 per 30 dagen en het cijfer van klanten steeg van 2,1 naar 4,2 (zie de klantsignalen). Misschien iets voor alle regio’s?',
  })
}
