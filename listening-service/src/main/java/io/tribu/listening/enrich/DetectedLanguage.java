package io.tribu.listening.enrich;

/**
 * Language of a text.
 *
 * @param code       ISO 639-1 code ("fr", "en", "es", ...), or {@value #UNDETERMINED} when the text is too short
 *                   or the detector unsure
 * @param confidence the model's probability of that language, in [0, 1]; 0 for {@value #UNDETERMINED} on texts
 *                   without enough letters
 */
public record DetectedLanguage(String code, double confidence) {

    public static final String UNDETERMINED = "und";

    public boolean isDetermined() {
        return !UNDETERMINED.equals(code);
    }
}
