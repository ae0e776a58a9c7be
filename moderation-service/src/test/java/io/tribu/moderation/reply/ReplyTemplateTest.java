package io.tribu.moderation.reply;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplyTemplateTest {

    @Test
    void knownVariablesAreFilled() {
        assertEquals("Bonjour @julien, l'équipe cafe-lumiere vous répond. Camille",
                ReplyTemplate.render("Bonjour {{author}}, l'équipe {{ brand }} vous répond. {{agent}}",
                        Map.of("author", "@julien", "brand", "cafe-lumiere", "agent", "Camille")));
    }

    @Test
    void aMissingValueLeavesNoPlaceholderNorDoubleSpace() {
        Map<String, String> values = new HashMap<>();
        values.put("author", null);
        assertEquals("Bonjour , merci !", ReplyTemplate.render("Bonjour {{author}} , merci !", values));
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertEquals("Hi $1 \\\\o/", ReplyTemplate.render("Hi {{author}}", Map.of("author", "$1 \\\\o/")));
    }

    @Test
    void typosAreReportedByName() {
        assertEquals(Set.of("autor", "first_name"),
                ReplyTemplate.unknownVariables("Bonjour {{autor}} {{first_name}} de {{brand}}"));
        assertEquals(Set.of(), ReplyTemplate.unknownVariables("Merci {{author}} ! {single braces} stay"));
    }
}
