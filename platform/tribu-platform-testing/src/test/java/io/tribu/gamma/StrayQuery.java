package io.tribu.gamma;

/** Queries the entity past its repository: what the rule refuses. */
public class StrayQuery {
    public Thing find(String name) {
        return Thing.byName(name);
    }
}
