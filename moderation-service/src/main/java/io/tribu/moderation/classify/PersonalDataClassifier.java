package io.tribu.moderation.classify;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, phone numbers (French and international) and IBANs (checked with mod 97) posted
 * in a public comment. The evidence is masked so the audit trail does not copy the personal data.
 */
public final class PersonalDataClassifier {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)*\\.[a-zA-Z]{2,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:(?:\\+|00)33[\\s.-]?[1-9](?:[\\s.-]?\\d{2}){4}|0[1-9](?:[\\s.-]?\\d{2}){4}"
                    + "|(?:\\+|00)[1-9]\\d{0,2}[\\s.-]?\\(?\\d{1,4}\\)?(?:[\\s.-]?\\d{2,4}){2,4})(?![\\w])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b");

    public List<Label> classify(String raw) {
        List<String> evidence = new ArrayList<>();
        Matcher email = EMAIL.matcher(raw);
        while (email.find()) {
            evidence.add("email " + mask(email.group()));
        }
        String withoutEmails = EMAIL.matcher(raw).replaceAll(" ");
        Matcher iban = IBAN.matcher(withoutEmails.toUpperCase(java.util.Locale.ROOT));
        while (iban.find()) {
            if (validIban(iban.group())) {
                evidence.add("iban " + mask(iban.group().replace(" ", "")));
            }
        }
        Matcher phone = PHONE.matcher(withoutEmails);
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            if (digits.length() >= 9 && digits.length() <= 15) {
                evidence.add("phone " + mask(phone.group()));
            }
        }
        return evidence.isEmpty() ? List.of() : List.of(new Label("personal_data", 0.95, evidence));
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, remainder 1 mod 97. */
    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Keeps the first two and last two characters: "jo***@***om". */
    static String mask(String value) {
        String v = value.strip();
        if (v.length() <= 4) {
            return "*".repeat(v.length());
        }
        return v.substring(0, 2) + "*".repeat(v.length() - 4) + v.substring(v.length() - 2);
    }
}
