package io.tribu.analytics.report;

import java.util.Locale;
import java.util.Map;

/** The report's words in French and English; French when the caller asks for it, English otherwise. */
record ReportLabels(Map<String, String> words) {

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("title", "Rapport de marque"), Map.entry("period", "Période"),
            Map.entry("mentions", "Mentions"), Map.entry("reach", "Audience"), Map.entry("net", "Sentiment net"),
            Map.entry("positive", "Positives"), Map.entry("neutral", "Neutres"), Map.entry("negative", "Négatives"),
            Map.entry("unscored", "Sans sentiment"), Map.entry("perDay", "Mentions par jour et sentiment"),
            Map.entry("voice", "Part de voix"), Map.entry("drivers", "Pourquoi : termes des mentions négatives et positives"),
            Map.entry("negativeTerms", "Termes négatifs"), Map.entry("positiveTerms", "Termes positifs"),
            Map.entry("ambassadors", "Ambassadeurs"), Map.entry("detractors", "Détracteurs"),
            Map.entry("author", "Auteur"), Map.entry("crisis", "Épisodes de crise"), Map.entry("none", "Aucun"),
            Map.entry("start", "Début"), Map.entry("kind", "Type"), Map.entry("example", "Exemple"),
            Map.entry("term", "Terme"), Map.entry("engagement", "Engagement des publications"),
            Map.entry("noPosts", "Aucune publication mesurée sur la période"), Map.entry("posts", "Publications"),
            Map.entry("likes", "J'aime"), Map.entry("comments", "Commentaires"), Map.entry("shares", "Partages"),
            Map.entry("impressions", "Impressions"), Map.entry("engagementRate", "Taux d'engagement"),
            Map.entry("topPosts", "Publications les plus engageantes"), Map.entry("published", "Publiée le"),
            Map.entry("network", "Réseau"), Map.entry("contentType", "Type"), Map.entry("link", "Lien"),
            Map.entry("byChannel", "Par canal"), Map.entry("channel", "Canal"),
            Map.entry("averageEngagement", "Engagement moyen"),
            Map.entry("thinSample", "Trop peu de mentions pour en tirer des termes sûrs (négatives : %d, positives : %d "
                    + "dans l'échantillon ; il en faut %d de chaque côté)."));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Brand report"), Map.entry("period", "Period"),
            Map.entry("mentions", "Mentions"), Map.entry("reach", "Reach"), Map.entry("net", "Net sentiment"),
            Map.entry("positive", "Positive"), Map.entry("neutral", "Neutral"), Map.entry("negative", "Negative"),
            Map.entry("unscored", "Unscored"), Map.entry("perDay", "Mentions per day and sentiment"),
            Map.entry("voice", "Share of voice"), Map.entry("drivers", "Why: terms of negative and positive mentions"),
            Map.entry("negativeTerms", "Negative terms"), Map.entry("positiveTerms", "Positive terms"),
            Map.entry("ambassadors", "Ambassadors"), Map.entry("detractors", "Detractors"),
            Map.entry("author", "Author"), Map.entry("crisis", "Crisis episodes"), Map.entry("none", "None"),
            Map.entry("start", "Start"), Map.entry("kind", "Kind"), Map.entry("example", "Example"),
            Map.entry("term", "Term"), Map.entry("engagement", "Post engagement"),
            Map.entry("noPosts", "No post measured in the period"), Map.entry("posts", "Posts"),
            Map.entry("likes", "Likes"), Map.entry("comments", "Comments"), Map.entry("shares", "Shares"),
            Map.entry("impressions", "Impressions"), Map.entry("engagementRate", "Engagement rate"),
            Map.entry("topPosts", "Most engaging posts"), Map.entry("published", "Published"),
            Map.entry("network", "Network"), Map.entry("contentType", "Type"), Map.entry("link", "Link"),
            Map.entry("byChannel", "By channel"), Map.entry("channel", "Channel"),
            Map.entry("averageEngagement", "Average engagement"),
            Map.entry("thinSample", "Too few mentions to tell terms apart with confidence (negative: %d, positive: %d "
                    + "in the sample; %d needed on each side)."));

    /** {@code lang} parameter first, then the Accept-Language header; English by default. */
    static ReportLabels of(String lang, String acceptLanguage) {
        String wanted = lang != null ? lang : acceptLanguage;
        boolean french = wanted != null && wanted.trim().toLowerCase(Locale.ROOT).startsWith("fr");
        return new ReportLabels(french ? FR : EN);
    }

    String language() {
        return words == FR ? "fr" : "en";
    }

    String get(String key) {
        return words.get(key);
    }
}
