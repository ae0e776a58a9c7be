package io.tribu.alpha;

/** A class of a pretend service that reaches into another one, for ArchitectureRulesTest. */
public class Alpha {
    public io.tribu.beta.Beta other() {
        return new io.tribu.beta.Beta();
    }
}
