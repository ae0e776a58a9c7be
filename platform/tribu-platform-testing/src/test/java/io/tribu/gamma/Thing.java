package io.tribu.gamma;

/** A pretend entity with a Panache-like static query, for ArchitectureRulesTest. */
public class Thing {
    public String name;

    public static Thing byName(String name) {
        Thing thing = new Thing();
        thing.name = name;
        return thing;
    }
}
