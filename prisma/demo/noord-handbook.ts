// Demo: Noord's handbook for the counter — the everyday rules of a retail chain with shops and a
// webshop, as Noord's regional manager wrote them down, so frontline has something real to search.
// All published, under the three principles Noord has no other plans for: not under "Klachten zijn
// cadeaus" (only one guideline should need review after HQ's v2), "Collega's zijn elkaars klant"
// (Noord decided it applies as written) or "We meten wat klanten ervaren" (its draft is in review).
// Seeded through `written` (guidelines.ts), so the review flow, validation and audit apply.
import { content, written, type Actor } from './guidelines.ts'

const CUSTOMER_DECIDES = 'de-klant-beslist-wat-goede-service-is'
const OWNER = 'iedere-medewerker-is-eigenaar-van-de-klantvraag'
const HONEST_NO = 'een-eerlijk-nee-altijd-met-een-alternatief'

type Entry = { principle: string; title: string; paragraph: string; bullets: string[] }

// Plain data: turned into documents only when seeded (guidelines.ts imports this module).
const HANDBOOK: Entry[] = [
  {
    principle: CUSTOMER_DECIDES,
    title: 'Geld terug met aankoopbewijs binnen 30 dagen',
    paragraph:
      'Brengt een klant binnen 30 dagen een artikel terug met een kassabon, digitale bon of orderbevestiging van de webshop, dan betaal je het volledige aankoopbedrag terug. Vraag hoe de klant het geld terug wil: op de betaalpas, contant of op een cadeaukaart.',
    bullets: [
      'Contant terugbetalen kan tot € 150; boven dat bedrag boek je het terug op de pas waarmee betaald is.',
      'Betaalde de klant met creditcard of achteraf in de webshop, dan gaat het geld langs dezelfde weg terug, binnen 5 werkdagen.',
      'Vraag naar de reden van het terugbrengen alleen om ervan te leren, nooit als verplichting.',
    ],
  },
  {
    principle: OWNER,
    title: 'Zelf beslissen tot € 50 per klant',
    paragraph:
      'Je mag zelf een oplossing geven die tot € 50 kost, zonder eerst een leidinggevende te vragen: een tegoedbon, gratis bezorging, een korting of een vervangend artikel. Noteer in de kassa onder ‘goodwill’ wat je gaf en waarom.',
    bullets: [
      'Het bedrag geldt per klant per keer; bij twijfel kies je de oplossing waar de klant het meest mee geholpen is.',
      'Boven € 50 overleg je met de leidinggevende van dienst; de klant hoeft daarvoor niet terug te komen.',
      'Je krijgt achteraf geen verwijt: we bespreken goodwill één keer per maand om ervan te leren.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Geen aankoopbewijs: eerst zoeken, dan tegoedbon',
    paragraph:
      'Heeft de klant geen kassabon, zoek de aankoop dan op met de klantenkaart, het webshopaccount of de datum en het bedrag op het bankafschrift; vind je hem, dan behandel je de retour alsof er een bon is. Vind je de aankoop niet terug, zeg dan eerlijk dat je zonder bewijs geen geld kunt teruggeven en bied een tegoedbon aan voor de huidige verkoopprijs.',
    bullets: [
      'Leg uit waarom: zonder bewijs kunnen we niet nagaan of het artikel bij ons gekocht is.',
      'Zonder aankoopbewijs neem je per klant per maand voor maximaal € 100 retour; noteer het in de retourlijst.',
      'Een tegoedbon is een jaar geldig, in alle winkels en in de webshop.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Omruilen kan ook met geopende verpakking',
    paragraph:
      'Wil een klant een artikel omruilen voor een andere maat, kleur of een ander product, dan ruil je het binnen 30 dagen na aankoop om. Een geopende verpakking is geen reden om te weigeren, zolang het artikel compleet en onbeschadigd is.',
    bullets: [
      'Is het nieuwe artikel duurder, dan betaalt de klant het verschil bij; is het goedkoper, dan krijgt de klant het verschil terug.',
      'Is de gewenste maat of kleur op, bestel die dan in de webshop en laat hem gratis thuisbezorgen of in de winkel afhalen.',
      'Webshopaankopen ruil je gewoon in de winkel om; de klant hoeft het artikel dan niet op te sturen.',
    ],
  },
  {
    principle: OWNER,
    title: 'Defect binnen garantie: wij zorgen voor reparatie',
    paragraph:
      'Gaat een artikel binnen twee jaar na aankoop kapot zonder dat de klant het zelf heeft veroorzaakt, dan neem je het in aan de balie en sturen wij het naar de reparateur. De klant krijgt binnen 15 werkdagen het gerepareerde artikel terug, of een nieuw exemplaar of zijn geld als reparatie niet lukt.',
    bullets: [
      'Stuur de klant niet zelf naar de fabrikant; dat contact leggen wij.',
      'Heeft de klant het artikel dagelijks nodig, zoals een waterkoker of stofzuiger, bied dan een leenexemplaar aan zolang de reparatie duurt.',
      'Bel de klant zelf zodra het artikel terug is in de winkel.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Buiten garantie: eerlijk zeggen wat reparatie kost',
    paragraph:
      'Is de garantie verlopen, zeg dan meteen dat de reparatie voor rekening van de klant is en vraag eerst een prijsopgave aan voordat je iets laat repareren. Het onderzoek kost € 25; dat bedrag vervalt als de klant de reparatie laat uitvoeren.',
    bullets: [
      'Is het artikel net buiten de garantie (tot drie maanden), dan mag je de reparatie uit coulance gratis laten doen of tot € 50 bijdragen.',
      'Kost de reparatie meer dan de helft van de nieuwprijs, laat de klant dan een vervangend artikel zien met 10% korting.',
      'Schade door een val of door water valt buiten de garantie; vraag of de klant een verzekering heeft die het dekt.',
    ],
  },
  {
    principle: OWNER,
    title: 'Klacht aan de balie direct zelf oplossen',
    paragraph:
      'Hoor een klacht aan de balie helemaal aan, bedank de klant en vraag wat hij als oplossing ziet. Kun je dat binnen je eigen ruimte van € 50 geven, doe het dan meteen; anders leg je de klacht vast in het klachtenformulier en zeg je wanneer de klant van je hoort.',
    bullets: [
      'Onderbreek de klant niet en ga niet in discussie over wie gelijk heeft.',
      'Ook een klacht die je zelf oplost, noteer je in het klachtenformulier; zo zien we wat vaker misgaat.',
      'Gaat de klacht over een collega, dan belt de leidinggevende van dienst de klant binnen drie werkdagen.',
    ],
  },
  {
    principle: OWNER,
    title: 'Telefonische klacht: jij blijft het aanspreekpunt',
    paragraph:
      'Neem je een klacht aan de telefoon aan, noem dan je naam en geef de klant het nummer van de winkel met jouw naam erbij. Vat aan het eind van het gesprek samen wat je gaat doen en wanneer de klant van je hoort, uiterlijk de volgende werkdag.',
    bullets: [
      'Zoek de bestelling of aankoop op terwijl de klant aan de lijn is, zodat hij niet opnieuw hoeft te bellen.',
      'Verbind je door naar klantenservice, vertel de collega dan eerst zelf waar het om gaat.',
      'Leg de klacht dezelfde dag vast in het klachtenformulier, met het nummer waarop de klant bereikbaar is.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Boze klant: rustig blijven, grens bij agressie',
    paragraph:
      'Een boze klant laat je eerst uitpraten; erken dat hij boos is en zeg wat je wel voor hem kunt doen. Wordt een klant agressief, scheldt hij of komt hij te dichtbij, zeg dan rustig dat je op deze manier het gesprek stopt en roep via de portofoon met ‘balie 3’ de leidinggevende van dienst op.',
    bullets: [
      'Bedreiging of geweld hoef je nooit te accepteren; bij direct gevaar bel je 112.',
      'Houd de balie tussen jou en de klant en ga een klant niet alleen achterna naar buiten.',
      'Meld elk incident dezelfde dag in het incidentformulier; de leidinggevende belt je binnen 24 uur om te vragen hoe het met je gaat.',
    ],
  },
  {
    principle: OWNER,
    title: 'Een terugbelverzoek beantwoord je binnen vier uur',
    paragraph:
      'Een klant die om terugbellen vraagt, bel je binnen vier uur terug als het verzoek voor 14.00 uur binnenkomt, en anders de volgende ochtend voor 11.00 uur. Spreek met de klant een tijdvak af en bel ook als je het antwoord nog niet hebt.',
    bullets: [
      'Vraag op welk nummer en op welk moment van de dag de klant het best bereikbaar is.',
      'Neemt de klant niet op, spreek dan je naam en het nummer van de winkel in en probeer het die dag nog twee keer.',
      'Ben je op het afgesproken moment zelf afwezig, draag de afspraak dan over aan een collega en laat de klant weten wie belt.',
    ],
  },
  {
    principle: OWNER,
    title: 'Bestelling te laat: zelf uitzoeken en terugkoppelen',
    paragraph:
      'Is een webshopbestelling meer dan twee werkdagen later dan de beloofde bezorgdatum, zoek dan met het ordernummer in het orderscherm uit waar het pakket is. Laat de klant dezelfde dag weten wat je gevonden hebt en wanneer het pakket wel bezorgd wordt.',
    bullets: [
      'Bij meer dan vijf werkdagen vertraging bied je aan de bestelling kosteloos te annuleren, en anders krijgt de klant de € 4,95 verzendkosten terug.',
      'Heeft de klant het artikel voor een bepaalde datum nodig, kijk dan of een winkel in de buurt het op voorraad heeft en leg het daar apart.',
      'Noteer de vertraging in de order, zodat een collega die de klant spreekt hetzelfde verhaal vertelt.',
    ],
  },
  {
    principle: OWNER,
    title: 'Pakket kwijt: na vijf werkdagen opnieuw versturen',
    paragraph:
      'Staat een pakket volgens de track-en-trace op bezorgd maar heeft de klant het niet ontvangen, vraag dan of hij bij de buren en in de brievenbus heeft gekeken en start zelf een onderzoek bij de vervoerder. Is het pakket na vijf werkdagen niet gevonden, dan stuur je de bestelling opnieuw of betaal je het bedrag terug, net wat de klant wil.',
    bullets: [
      'De klant hoeft zelf geen contact op te nemen met de vervoerder; dat doe jij.',
      'Zet een herinnering in je agenda voor dag vijf en bel de klant dan, ook als er nog geen nieuws is.',
      'Raakt er op hetzelfde adres een tweede pakket zoek, stuur de vervanging dan naar een winkel of afhaalpunt.',
    ],
  },
  {
    principle: OWNER,
    title: 'Beschadigd pakket: vervangen zonder terugsturen',
    paragraph:
      'Meldt een klant dat zijn webshoppakket beschadigd is, vraag dan om een foto van de doos en het artikel per WhatsApp of e-mail en stuur dezelfde dag een nieuw exemplaar. De klant hoeft het beschadigde artikel niet eerst terug te sturen.',
    bullets: [
      'Is het artikel niet meer op voorraad, betaal dan het volledige bedrag terug, inclusief verzendkosten.',
      'Bij grote artikelen zoals een kast of wasmachine neemt de bezorgdienst het beschadigde exemplaar mee bij het bezorgen van het nieuwe.',
      'Je meldt de schade zelf via het schadeformulier van de vervoerder; de klant heeft daar geen werk aan.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Prijsfout aan de kassa: laagste prijs telt',
    paragraph:
      'Rekent de kassa een hogere prijs dan op het schap, de prijskaart of in de webshop staat, dan krijgt de klant het artikel voor de laagste prijs. Pas de prijs direct aan de kassa aan, zonder de klant te laten wachten op een controle.',
    bullets: [
      'Heeft de klant al afgerekend en ziet hij het verschil thuis, dan betaal je het terug op vertoon van de bon of een foto van het schap.',
      'Is de prijs op het schap duidelijk een vergissing, zoals € 1,99 voor een stofzuiger, overleg dan met de leidinggevende van dienst en bied in elk geval 10% korting aan.',
      'Meld de prijsfout dezelfde dag aan de vloerverantwoordelijke, zodat het schap wordt aangepast.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Prijsmatch met een concurrent: wanneer wel',
    paragraph:
      'Laat een klant zien dat een winkel of webshop in Nederland hetzelfde artikel goedkoper verkoopt, dan geef je het verschil als korting. Bij tijdelijke acties, uitverkoop of verkopers op een marktplaats doen we geen prijsmatch; zeg dat eerlijk en kijk of een eigen aanbieding of kortingsbon wel past.',
    bullets: [
      'Het gaat om precies hetzelfde artikel: zelfde merk, type en kleur, op voorraad en inclusief verzendkosten.',
      'Controleer de prijs op de telefoon van de klant of op de site van de concurrent; een schermafbeelding van gisteren is ook goed.',
      'Een prijsverschil tot € 50 geef je zelf; bij een groter verschil overleg je met de leidinggevende van dienst.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Cadeaukaart niet uitbetalen, wel saldo verplaatsen',
    paragraph:
      'Een cadeaukaart betalen we niet uit in geld, omdat hij gekocht is om te besteden; zeg dat meteen en bied aan het saldo over te zetten op een nieuwe kaart of het in de webshop te gebruiken. Een restsaldo onder € 5 betaal je wel contant uit als de klant dat vraagt.',
    bullets: [
      'Een cadeaukaart is vijf jaar geldig; is hij minder dan drie maanden verlopen, zet het saldo dan alsnog op een nieuwe kaart.',
      'Is een cadeaukaart kwijt, blokkeer hem dan met het kaartnummer of de aankoopbon en zet het saldo op een nieuwe kaart.',
      'Laat na elke betaling met een cadeaukaart het resterende saldo op de bon zien.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Kortingsbonnen ook vanaf de telefoon',
    paragraph:
      'Een kortingsbon of kortingscode uit de folder, de nieuwsbrief of de app accepteer je op papier én op het scherm van de telefoon. Scant de barcode niet, typ de code dan met de hand in.',
    bullets: [
      'Er geldt één kortingsbon per artikel; heeft de klant er meer, reken dan de hoogste korting.',
      'Is een bon gisteren of eergisteren verlopen, dan accepteer je hem nog.',
      'Een kortingscode uit de webshop kun je ook in de winkel gebruiken: voer hem in bij ‘kortingscode’ op de kassa.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Pinstoring: de klant kan toch betalen',
    paragraph:
      'Bij een storing van de pinautomaat zeg je de klant meteen wat er wél kan: afrekenen bij een andere kassa, contant betalen of een betaalverzoek via een QR-code op de telefoon. Geldt de storing voor de hele winkel, dan kan een klant met klantenkaart zijn boodschappen meenemen en binnen 24 uur betalen via een betaallink per e-mail.',
    bullets: [
      'Duurt de storing langer dan tien minuten, hang dan bij de ingang het bordje ‘Pinnen tijdelijk niet mogelijk, contant en QR wel’.',
      'Meld de storing direct bij de storingsdienst via het nummer op de pinautomaat en noteer hoe laat het begon.',
      'Is een betaling dubbel afgeschreven, noteer dan de gegevens, zorg dat het bedrag binnen 3 werkdagen is teruggestort en bel de klant als dat gebeurd is.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Webshopbestelling annuleren kan tot verzending',
    paragraph:
      'Wil een klant een webshopbestelling annuleren, dan doe je dat voor hem in het orderscherm zolang de status ‘in behandeling’ is. Het bedrag staat binnen 3 werkdagen weer op de rekening van de klant; vertel dat erbij.',
    bullets: [
      'Is de bestelling al verzonden, dan kan de klant het pakket weigeren of binnen 30 dagen gratis terugbrengen naar een winkel.',
      'Annuleert de klant één artikel uit een grotere bestelling, dan gaat de rest gewoon door en betaalt hij geen extra verzendkosten.',
      'Stuur na het annuleren een bevestiging naar het e-mailadres van de bestelling.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Klant in een rolstoel: vraag wat helpt',
    paragraph:
      'Vraag een klant in een rolstoel of met een rollator eerst of en hoe je kunt helpen, in plaats van meteen te duwen of spullen te pakken. Bied aan artikelen uit de bovenste schappen te pakken en reken af aan de lage balie bij de ingang.',
    bullets: [
      'Houd de brede paskamer bij de kassa vrij voor klanten die hem nodig hebben.',
      'Staan er dozen of rolcontainers in een gangpad, ruim ze dan direct op; een doorgang van 90 cm is het minimum.',
      'Praat met de klant zelf, op ooghoogte, en niet met zijn begeleider.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Slechthorende en slechtziende klanten goed helpen',
    paragraph:
      'Praat met een slechthorende klant rustig en met je gezicht naar hem toe, zodat hij kan liplezen; aan de servicebalie zet je de ringleiding aan met de knop onder het blad. Een slechtziende klant bied je aan prijzen, de bon en het scherm van de pinautomaat voor te lezen.',
    bullets: [
      'Lukt het gesprek niet, schrijf het antwoord dan op; pen en papier liggen in de la van de balie.',
      'Een hulphond of geleidehond is altijd welkom; aai of voer hem niet en spreek de klant aan, niet de hond.',
      'Vraag of de klant de bon liever per e-mail krijgt, zodat hij hem thuis met een voorleesprogramma kan lezen.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Oudere klanten krijgen de tijd die nodig is',
    paragraph:
      'Oudere klanten die moeite hebben met de zelfscan, de webshop of de pinautomaat help je persoonlijk, ook als er een rij staat. Vraag of ze liever contant betalen, de bon op papier willen of hulp willen bij een bestelling in de webshop.',
    bullets: [
      'Heeft een klant zware boodschappen, bied dan aan ze naar de auto of de taxi te brengen.',
      'Bij de servicebalie staat een stoel; bied die aan als iemand langer moet wachten.',
      'Lijkt een klant in de war of de weg kwijt, blijf dan bij hem en bel met zijn toestemming een familielid.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Klantgegevens alleen aan de klant zelf',
    paragraph:
      'Gegevens over een bestelling, een adres of een aankoop geef je alleen aan de klant zelf, na controle van naam, postcode en het ordernummer of de laatste vier cijfers van het telefoonnummer. Belt een partner of familielid, zeg dan dat je die gegevens niet kunt delen en bied aan dat de klant zelf belt of een machtiging mailt.',
    bullets: [
      'Lees een adres of e-mailadres nooit voor; laat de klant het zelf noemen en bevestig alleen of het klopt.',
      'Wil een klant weten welke gegevens we van hem hebben, of wil hij ze laten verwijderen, stuur het verzoek dan dezelfde dag door via het privacyformulier; de klant krijgt binnen een maand antwoord.',
      'Draai schermen met klantgegevens van de klant af en log uit als je de balie verlaat.',
    ],
  },
  {
    principle: OWNER,
    title: 'Gevonden voorwerpen drie maanden bewaren',
    paragraph:
      'Gevonden spullen leg je met een briefje met datum, tijd en plek in de kluis bij de servicebalie, en je zet ze in het overzicht gevonden voorwerpen. Belt of komt er iemand voor iets wat hij kwijt is, dan zoek jij het op, ook als een collega het gevonden heeft.',
    bullets: [
      'Vind je een portemonnee of telefoon waaruit je de eigenaar kunt halen, probeer die dan dezelfde dag te bereiken.',
      'Vraag bij het ophalen eerst om een omschrijving van het voorwerp voordat je het laat zien.',
      'Na drie maanden gaan kleding en kleine spullen naar een kringloopwinkel; waardevolle spullen breng je naar de gemeente.',
    ],
  },
  {
    principle: OWNER,
    title: 'Escaleren naar de leidinggevende van dienst',
    paragraph:
      'Kom je er met de klant samen niet uit, of kost de oplossing meer dan € 50, haal dan de leidinggevende van dienst erbij via de portofoon of toestel 200. Vertel hem het hele verhaal voordat hij bij de klant komt, zodat de klant zijn verhaal niet opnieuw hoeft te doen.',
    bullets: [
      'Blijf bij de klant tot de leidinggevende er is en stel hem met naam voor.',
      'Is er geen leidinggevende in de winkel, bel dan het dienstnummer van de regio; daar neemt tussen 8.00 en 21.00 uur altijd iemand op.',
      'Je blijft eigenaar van de vraag: vraag na afloop hoe het is afgelopen en of de klant nog iets van jou verwacht.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Meer dan drie wachtenden: tweede balie open',
    paragraph:
      'Staan er meer dan drie klanten in de rij bij de servicebalie, roep dan via de portofoon een collega op om een tweede balie te openen. Groet wachtende klanten meteen en zeg hoe lang het ongeveer duurt.',
    bullets: [
      'Een klant die alleen iets komt ophalen of afgeven, help je tussendoor als dat binnen een minuut kan.',
      'Duurt een vraag langer dan tien minuten, vraag de klant dan of hij liever wacht of vandaag nog teruggebeld wordt.',
      'Is een wachtende klant slecht ter been, bied dan een stoel aan.',
    ],
  },
  {
    principle: CUSTOMER_DECIDES,
    title: 'Klantenkaart vergeten? Punten alsnog sparen',
    paragraph:
      'Heeft een klant zijn klantenkaart niet bij zich, zoek hem dan op met zijn telefoonnummer of postcode en huisnummer, zodat hij de punten alsnog spaart. Vergeten punten van een eerdere aankoop boek je tot 30 dagen terug bij, op vertoon van de bon.',
    bullets: [
      'Bied klanten zonder klantenkaart aan er een aan te maken, maar dring niet aan.',
      'De klant kiest zelf of hij aanbiedingen per e-mail wil ontvangen; dat vinkje staat standaard uit.',
      'Punten inwisselen kan vanaf 500 punten, in de winkel en in de webshop.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Geopende hygiëneartikelen: geen retour, wel advies',
    paragraph:
      'Geopende verzorgingsproducten, oordopjes, ondergoed en make-up nemen we om hygiënische redenen niet retour; zeg dat direct en leg uit waarom. Is het product defect of klopt het niet met de beschrijving, dan ruil of vergoed je het gewoon.',
    bullets: [
      'Bied aan samen een product te zoeken dat beter past, bijvoorbeeld voor een gevoelige huid.',
      'Ongeopende artikelen in de originele verpakking neem je binnen 30 dagen gewoon retour.',
      'Twijfel je of iets gebruikt is, geef de klant dan het voordeel van de twijfel.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Na 30 dagen: tegoedbon in plaats van geld',
    paragraph:
      'Brengt een klant een ongebruikt artikel terug na de retourtermijn van 30 dagen, dan geef je geen geld meer terug maar wel een tegoedbon, tot 60 dagen na aankoop. Zeg erbij waarom: na 30 dagen kunnen we het artikel vaak niet meer als nieuw verkopen.',
    bullets: [
      'Cadeaus die in december gekocht zijn, kunnen tot 31 januari retour met geld terug.',
      'Na 60 dagen beslis je zelf of een tegoedbon redelijk is, binnen je ruimte van € 50.',
    ],
  },
  {
    principle: HONEST_NO,
    title: 'Niet op voorraad: reserveren of laten bezorgen',
    paragraph:
      'Is een artikel niet op voorraad, kijk dan samen met de klant in de voorraadlijst welke winkel in Noord het wel heeft. Bied aan het daar 3 dagen te reserveren of het gratis naar deze winkel of naar huis te laten bezorgen.',
    bullets: [
      'Verdwijnt het artikel uit het assortiment, zeg dat dan eerlijk en laat een vergelijkbaar artikel zien.',
      'Noem alleen een leverdatum die je in de voorraadlijst ziet staan.',
      'Wil de klant gebeld worden als het artikel binnen is, zet hem dan met zijn telefoonnummer op de wachtlijst.',
    ],
  },
]

/** Noord's everyday counter rules, all published; the member and the manager take turns writing. */
export async function seedNoordHandbook(noordManager: Actor, noordMember: Actor) {
  for (const [index, entry] of HANDBOOK.entries()) {
    const writer = index % 2 === 0 ? noordMember : noordManager
    await written(writer, noordManager, entry.principle, content(entry.title, entry.paragraph, entry.bullets))
  }
}
