package io.tribu.moderation.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Toxicity, insults, threats and identity hate in French and English, from hand-written lexicons
 * (general vocabulary, not tuned to any data set) and a few heuristics:
 * <ul>
 *   <li>identity hate = a slur, or a protected group named in the same sentence as a negative
 *       predicate (hatred, degrading attribute, dehumanising noun, threat, profanity), or a negated
 *       positive one ("are not human", "n'ont pas d'importance");</li>
 *   <li>a negation just before a negative word cancels it ("I don't hate women");</li>
 *   <li>quoted words and counter-speech ("saying ... is unacceptable", "arrêtez d'appeler...")
 *       lower every score: the writer reports or opposes the abuse.</li>
 * </ul>
 * Evidence lists the matched words in folded form. {@link Classifier} keeps these rules' threat and identity hate
 * scores; their toxicity and insult scores are inputs (and floors) of the trained model's calibrated combination.
 * Negation, second person, intent, quotation and counter-speech are read by {@link Cues}.
 */
public final class ToxicityClassifier {

    static final Lexicon GROUPS = new Lexicon(List.of(
            "women", "woman", "girls", "gay", "gays", "lesbian*", "homosexual*", "bisexual*", "queer*", "trans",
            "transgender*", "black", "blacks", "muslim*", "islam*", "jew", "jews", "jewish", "immigrant*", "refugee*",
            "migrant*", "disabled", "arab", "arabs", "asians", "latinos", "gypsies",
            "femme", "femmes", "gai", "gais", "gay", "homo", "homos", "lesbienne*", "transgenre*", "noirs", "noires",
            "musulman*", "juif*", "juive*", "immigre*", "refugie*", "migrant*", "handicape*", "arabe*", "etranger*",
            "roms", "asiatique*"));

    static final Lexicon SLURS = new Lexicon(List.of(
            "faggot*", "fag", "fags", "dyke*", "tranny", "trannies", "nigger*", "nigga*", "kike*", "raghead*",
            "towelhead*", "retard", "retards", "retarded", "spastic*", "spaz", "wetback*", "chink*", "slut*", "whore*",
            "cunt*", "pede", "pedes", "pd", "tapette*", "tarlouze*", "gouine*", "travelo*", "negre*", "negresse*",
            "bougnoul*", "youpin*", "bicot*", "salope*", "pute", "putes", "mongol", "mongols", "gogol*", "attarde*",
            "bamboula*"));

    static final Lexicon NEGATIVE = new Lexicon(List.of(
            "hate", "hates", "hated", "hating", "despise*", "loathe*", "detest*", "disgust*", "nause*", "sicken*",
            "filth*", "vermin", "rat", "rats", "parasite*", "cockroach*", "animals", "beasts", "subhuman*", "scum",
            "trash", "garbage", "worthless", "pathetic", "stupid*", "dumb", "idiot*", "disease*", "cancer", "plague",
            "virus", "pest", "pests", "inferior", "evil", "dangerous", "threat", "menace", "criminal*", "savage*",
            "primitive", "useless", "lesser", "waste", "vile", "repulsive", "gross", "rubbish", "dirty", "pigs",
            "monkeys", "apes", "freaks", "perverts", "degenerate*", "abomination*", "burden", "sick",
            "deteste*", "hais", "hait", "haine", "haissent", "degout*", "degueu*", "ordure*", "vermine*", "cafard*",
            "animaux", "racaille*", "dechet*", "poubelle*", "nuls", "nulles", "pathetique*", "stupide*",
            "debile*", "cretin*", "maladie*", "peste", "inferieur*", "mauvais", "dangereu*", "menace*", "criminel*",
            "sauvage*", "primiti*", "inutile*", "pourri*", "pourriture*", "sale", "sales", "porcs", "singes",
            "monstres", "pervers", "degenere*", "fardeau", "abruti*", "plaie", "fleau", "immonde*", "repugnant*",
            "minable*", "abject*", "bouillir", "vomir", "gerber", "honte"));

    /** Words whose negation is degrading: "not human", "lives don't matter", "ne méritent aucun respect". */
    static final Lexicon POSITIVE = new Lexicon(List.of(
            "human*", "humain*", "matter", "matters", "importan*", "respect*", "equal*", "egal*", "welcome",
            "bienvenu*", "stand", "supporter", "supporte", "place", "belong", "droit*", "rights", "worth*",
            "valeur*", "people", "personnes", "trusted", "confiance", "intelligen*", "capable*", "deserve*"));

    static final Lexicon THREAT = new Lexicon(List.of(
            "kill*", "murder*", "shoot*", "hang", "hanged", "lynch*", "burn*", "die", "dead", "death", "exterminat*",
            "eradicat*", "wipe", "gas", "gassed", "stab*", "slaughter*", "destroy*", "beat", "execute*", "behead*",
            "tuer", "tue", "tuez", "tuons", "massacr*", "abattre", "abattu*", "pendre", "pendu*", "bruler", "brule*",
            "mourir", "meure*", "mort", "morts", "crever", "crevent", "extermin*", "eradiqu*", "gazer", "poignard*",
            "tabass*", "egorg*", "fusill*", "buter", "executer", "execute", "decapit*", "lyncher", "noyer"));

    static final Lexicon INSULT = new Lexicon(List.of(
            "idiot*", "stupid*", "moron*", "imbecile*", "loser*", "dumbass*", "asshole*", "jerk", "bastard*",
            "bitch*", "clown", "dumb", "fool", "twat*", "prick", "dickhead*", "douche*", "wanker*", "scumbag*",
            "cretin*", "con", "conne", "connard*", "connasse*", "abruti*", "debile*", "bouffon*", "salaud*",
            "enfoire*", "ordure*", "batard*", "naze*", "tocard*", "boulet*", "blaireau*", "minable*", "guignol*",
            "idiote*", "nul", "nulle", "escroc*", "voleur*", "thief", "liar*",
            "menteur*", "menteuse*", "pathetic", "pathetique*"));

    static final Lexicon PROFANITY = new Lexicon(List.of(
            "fuck*", "fck*", "fuk*", "shit*", "crap", "damn", "piss*", "bullshit", "motherfuck*", "wtf", "stfu",
            "merde*", "putain*", "bordel", "chier", "foutre", "fout", "encul*", "niqu*", "ntm", "fdp", "tg",
            "fenculer", "emmerd*"));

    public List<Label> classify(Text text) {
        List<String> tokens = text.tokens;
        boolean counter = Cues.counterSpeech(text.folded);
        boolean quoted = Cues.quoted(text.raw);
        double discount = counter ? 0.35 : quoted ? 0.5 : 1.0;

        List<String> groupWords = new ArrayList<>();
        List<String> slurs = new ArrayList<>();
        List<String> negatives = new ArrayList<>();
        List<String> threats = new ArrayList<>();
        List<String> insults = new ArrayList<>();
        List<String> profanities = new ArrayList<>();
        boolean addressed = false;
        boolean intent = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            addressed |= Cues.addressed(tokens, i);
            intent |= Cues.intent(token);
            boolean negated = Cues.negated(tokens, i);
            add(groupWords, GROUPS.match(token));
            if (!negated) {
                add(slurs, SLURS.match(token));
                add(insults, INSULT.match(token));
                add(profanities, PROFANITY.match(token));
                String threat = THREAT.match(token);
                if (threat != null) {
                    threats.add(threat);
                } else {
                    add(negatives, NEGATIVE.match(token));
                }
            } else {
                add(negatives, POSITIVE.match(token) == null ? null : "not " + POSITIVE.match(token));
            }
        }

        List<Label> labels = new ArrayList<>();
        double threat = threats.isEmpty() ? 0 : (addressed || !groupWords.isEmpty()) && intent ? 0.9
                : addressed || !groupWords.isEmpty() || intent ? 0.7 : 0.4;
        add(labels, "threat", threat * discount, threats);

        double insult = insults.isEmpty() && slurs.isEmpty() ? 0 : addressed ? 0.85 : 0.45;
        List<String> insultEvidence = new ArrayList<>(insults);
        insultEvidence.addAll(slurs);
        add(labels, "insult", insult * discount, insultEvidence);

        double hate = 0;
        List<String> hateEvidence = new ArrayList<>();
        if (!slurs.isEmpty()) {
            hate = 0.9;
            hateEvidence.addAll(slurs);
        }
        if (!groupWords.isEmpty() && (!negatives.isEmpty() || !threats.isEmpty() || !profanities.isEmpty())) {
            hate = Math.max(hate, !threats.isEmpty() ? 0.9 : 0.8);
            hateEvidence.addAll(groupWords);
            hateEvidence.addAll(negatives);
            hateEvidence.addAll(threats);
            hateEvidence.addAll(profanities);
        }
        add(labels, "identity_hate", hate * discount, hateEvidence);

        double profanity = profanities.isEmpty() ? 0 : 0.6;
        double toxicity = Math.max(Math.max(threat, insult), Math.max(hate, profanity));
        if (toxicity < 0.5 && !negatives.isEmpty() && addressed) {
            toxicity = 0.55;
        }
        List<String> toxicEvidence = new ArrayList<>(hateEvidence);
        for (List<String> more : List.of(insultEvidence, threats, profanities, negatives)) {
            more.stream().filter(w -> !toxicEvidence.contains(w)).forEach(toxicEvidence::add);
        }
        add(labels, "toxicity", toxicity * discount, toxicEvidence);
        return labels;
    }

    private static void add(List<String> into, String word) {
        if (word != null && !into.contains(word)) {
            into.add(word);
        }
    }

    private static void add(List<Label> labels, String name, double score, List<String> evidence) {
        if (score > 0) {
            labels.add(new Label(name, score, evidence));
        }
    }
}
