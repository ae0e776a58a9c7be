package io.tribu.gamma;

/** Reads the entity's fields (allowed) through the repository. */
public class ThingService {
    private final ThingRepository things = new ThingRepository();

    public String name(String name) {
        return things.find(name).name;
    }
}
