package io.tribu.moderation.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spam and scams in French and English from named rules; each rule that fires adds its weight and
 * its name to the evidence. Scores combine as independent signals: 1 - (1 - w1)(1 - w2)...
 * The "scam" label only counts the money/crypto/giveaway rules.
 */
public final class SpamClassifier {

    private record Rule(String name, double weight, boolean scam, Pattern pattern) {
    }

    private static Rule rule(String name, double weight, boolean scam, String regex) {
        return new Rule(name, weight, scam, Pattern.compile(regex));
    }

    // Patterns run on the folded text (lower case, no accents, leetspeak undone).
    private static final List<Rule> RULES = List.of(
            rule("link", 0.55, false, "https?://|www\\.|\\b[a-z0-9-]{2,}\\.(com|net|org|ly|io|co|me|info|biz|fr|tk|xyz|gl|be|tv|us|ru)\\b(/|\\s|$|[^a-z])"),
            rule("self-promotion", 0.6, false,
                    "check (out )?(my|our|this)|(visit|see|watch|look at) (my|our)|my (youtube |new |music )?(channel|page|video|vids?|song|blog|profile|site|website|playlist|music|insta)"
                            + "|(allez|venez) (voir|checker|sur) (ma|mon|nos)|(ma|mon) (chaine|page|video|clip|blog|site|insta|profil)"),
            rule("subscribe", 0.55, false, "subscrib|sub4sub|sub to|follow (me|us|my)|abonne[sz]?[- ]?(vous|toi)|abonnez|like and share|please like|likez|partagez"),
            rule("contact-me", 0.6, false, "\\bdm (me|us)\\b|message me|inbox me|whatsapp|telegram|\\bmp moi\\b|ecris[- ]moi|contacte[sz]?[- ]moi|text me|envoie[sz]?[- ]moi"),
            rule("money-making", 0.7, true, "make \\$?\\d+|earn (money|\\$|cash)|per (day|hour|week) from home|work from home|gagne[rz]? (de l.argent|\\d+)|argent facile|easy money|passive income|revenu passif|get paid|paypal"),
            rule("crypto", 0.6, true, "bitcoin|\\bbtc\\b|crypto|\\beth\\b|forex|\\bnft\\b|invest(ir|issement|ment)?\\b|trading|wallet|portefeuille"),
            rule("giveaway", 0.6, true, "giveaway|free (iphone|gift|money|followers|v-?bucks|robux)|gratuit(e|s)? (iphone|cadeau)|you (have )?won|vous avez gagne|tu as gagne|claim (your|now)|concours|cadeau gratuit|winner"),
            rule("call-to-click", 0.45, false, "click (here|the link|on my)|cliquez|clique ici|link in (my )?bio|lien (dans|en) (ma )?bio|go to|rendez-vous sur"),
            rule("shouting", 0.2, false, "!{3,}|\\?{3,}"));

    private static final Pattern REPEATED_CHARS = Pattern.compile("(.)\\1{5,}");

    public List<Label> classify(Text text) {
        double notSpam = 1;
        double notScam = 1;
        List<String> evidence = new ArrayList<>();
        List<String> scamEvidence = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.pattern.matcher(text.folded).find()) {
                notSpam *= 1 - rule.weight;
                evidence.add(rule.name);
                if (rule.scam) {
                    notScam *= 1 - rule.weight;
                    scamEvidence.add(rule.name);
                }
            }
        }
        if (REPEATED_CHARS.matcher(text.raw).find()) {
            notSpam *= 0.8;
            evidence.add("repeated-characters");
        }
        if (repeatsWords(text.tokens)) {
            notSpam *= 0.6;
            evidence.add("repeated-text");
        }
        List<Label> labels = new ArrayList<>();
        if (!evidence.isEmpty()) {
            labels.add(new Label("spam", 1 - notSpam, evidence));
        }
        if (!scamEvidence.isEmpty()) {
            labels.add(new Label("scam", 1 - notScam, scamEvidence));
        }
        return labels;
    }

    /** Copy-paste floods: one word making up more than 40% of a comment of eight words or more. */
    private static boolean repeatsWords(List<String> tokens) {
        if (tokens.size() < 8) {
            return false;
        }
        Map<String, Integer> counts = new HashMap<>();
        int max = 0;
        for (String token : tokens) {
            max = Math.max(max, counts.merge(token, 1, Integer::sum));
        }
        return max * 10 > tokens.size() * 4;
    }
}
