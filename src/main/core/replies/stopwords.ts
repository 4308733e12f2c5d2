/**
 * Words too common to say what a conversation is about, for suggestion queries: function
 * words in the languages the analysis stems, and the greetings and sign-offs of any message.
 * (Not the language detector's lists: those keep only words distinctive of one language.)
 */
const words = `
the and are was were you your this that its for with have has had been being can will would could should what where when which who why how
there their they them our ours from but just still after since again any some all not nor also then than too very into onto over about
out off get got its it's i'm i've don't can't didn't doesn't isn't wasn't won't yes hello dear regards best kind sincerely cheers team
please thank thanks hi hey morning evening afternoon today yesterday tomorrow hope well sent via iphone android mail
does did done only own see seen make made want need know like one two three much many more most other such here now even really
advance
der die das und ist nicht ich mein meine mir mich sie wir ein eine einen auf mit für von wenn kann bitte noch immer seit schon auch wurde
habe hat sehr danke aber oder dem den zum zur bei nach jetzt keine kein wie warum hallo guten tag grüße freundlichen viele
unsere unser euch ihr ihre ihnen gruß mfg lg vg dass denn doch mal man sind war waren werden wird
les des est vous mon mes pas une avec pour dans sur cette qui que mais très été toujours depuis merci votre nous elle suis avez fait
encore bonjour cordialement salutations madame monsieur
los las del por para con una está pero muy cuando desde gracias sigo todavía hace hay tengo puedo sus también estoy esta este como
hola saludos buenos días son ser era fue han muy mucho algo
não ainda obrigado obrigada você vocês mas muito está isso estou seria quando pelo pela também olá
bom boa dia uma ser são tem ter foi
che non sono per del della dei nel nella con anche ancora grazie molto mio mia questo questa quando dopo già perché ciao salve
het een van dat niet zijn voor met maar ook nog wel bij naar heb hebben mijn dank bedankt hallo groeten
`;

export const QUERY_STOPWORDS: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));

/**
 * Words a customer uses whatever they need, so a suggestion must not be chosen for sharing
 * them: "new" matched "Bug: fixed" (keywords "new version") for a warranty complaint.
 * Kept apart from QUERY_STOPWORDS, which other searches (knowledge base, discovery) use
 * as it is.
 */
const generic = `
new help helpful issue issues problem problems question questions thing things something anything anyone someone everyone guys
get gets getting got use used using try tried trying let able yet sure okay right good bad time times day days week weeks month
way back going come came went give gave take took said say says tell told look looking ask asked reply replied respond response
support customer customers service services hello hallo ciao everything nothing else ever every always first last already
neu neue neuen hilfe problem frage nouveau nouvelle aide problème question nuevo nueva ayuda problema pregunta novo nova ajuda
`;

export const GENERIC_WORDS: ReadonlySet<string> = new Set(generic.split(/\s+/).filter(Boolean));
